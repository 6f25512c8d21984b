package net.collab.console.api;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.events.Vocabulary.Urgency;

/** The coded values the forms offer ({@code {cdi:vocabulary.categories}}); their words are in the texts. */
@ApplicationScoped
@Named("vocabulary")
public class Vocabulary {

    public List<String> categories() {
        return names(ResourceCategory.values());
    }

    public List<String> urgencies() {
        return names(Urgency.values());
    }

    public List<String> targetGroups() {
        return names(TargetGroup.values());
    }

    public List<String> kinds() {
        return names(OrganizationKind.values());
    }

    /** How an organization is known to the state (registry's vocabulary). */
    public List<String> registrationStatuses() {
        return List.of("REGISTERED", "FILED", "GRASSROOTS");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

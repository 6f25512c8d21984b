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

    public List<String> domains() {
        return names(net.collab.events.Vocabulary.ServiceDomain.values());
    }

    public List<String> ledgerKinds() {
        return names(net.collab.events.Vocabulary.LedgerEntryKind.values());
    }

    public List<String> riskLevels() {
        return names(net.collab.events.Vocabulary.RiskLevel.values());
    }

    /** The kinds of news notification-service sends (its vocabulary; webhooks, subscriptions and e-mail preferences name them). */
    public List<String> notificationKinds() {
        return List.of("MATCH_PROPOSED", "MATCH_ACCEPTED", "MATCH_DECLINED", "MATCH_DELIVERED", "MATCH_CONFIRMED", "MATCH_CANCELLED",
                "MATCH_EXPIRED", "NEED_ESCALATED", "NEED_FULFILLED", "NEED_POSTED", "OFFER_POSTED", "RISK_LEVEL_RAISED",
                "ADVOCACY_PUBLISHED", "LEDGER_ENTRY_RECORDED", "MEMBER_ADDED", "APPLICATION_RECEIVED", "ORGANIZATION_STATUS_CHANGED",
                "WEBHOOK_FAILED", "DEAD_LETTER");
    }

    /** How e-mail reaches a person for one kind of news. */
    public List<String> emailModes() {
        return List.of("IMMEDIATE", "DIGEST", "OFF");
    }

    /** The kinds a subscription may follow (news about needs, offers, advocacy and ledgers). */
    public List<String> subscribableKinds() {
        return List.of("NEED_POSTED", "OFFER_POSTED", "NEED_FULFILLED", "ADVOCACY_PUBLISHED", "LEDGER_ENTRY_RECORDED", "RISK_LEVEL_RAISED");
    }

    /** How an organization is known to the state (registry's vocabulary). */
    public List<String> registrationStatuses() {
        return List.of("REGISTERED", "FILED", "GRASSROOTS");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

package net.collab.notification.api;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.domain.Refusal;
import net.collab.notification.domain.NotificationKind;
import net.collab.notification.domain.Person;
import net.collab.notification.domain.Preferences;
import net.collab.web.Callers;

/** The caller's own notification preferences: language, and how each kind of news reaches them by e-mail. */
@Path("/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PreferencesResource {

    @Inject
    CallerPerson callerPerson;

    @Inject
    Preferences preferences;

    /** A kind of news, how much it matters, and how it reaches the caller by e-mail. */
    public record KindView(String kind, String priority, String email, String byDefault) {
    }

    /** {@code emailAddress} is what the identity provider gave for the caller (null: none, so no e-mail reaches them). */
    public record PreferencesView(String language, String emailAddress, List<KindView> kinds) {
    }

    /** {@code email} maps kinds to IMMEDIATE, DIGEST or OFF; kinds not named keep their setting. */
    public record PreferencesChange(String language, Map<String, String> email) {
    }

    @GET
    public PreferencesView get() {
        return view(callerPerson.get());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Callers.EXTENSION, value = Callers.SIGNED_IN)
    public PreferencesView change(@NotNull PreferencesChange change) {
        Map<NotificationKind, NotificationKind.EmailMode> modes = new EnumMap<>(NotificationKind.class);
        if (change.email() != null) {
            change.email().forEach((kind, mode) -> modes.put(kind(kind), mode(kind, mode)));
        }
        Person person = callerPerson.get();
        preferences.change(person, change.language(), modes);
        return view(person);
    }

    private PreferencesView view(Person person) {
        return new PreferencesView(person.language, person.email, preferences.emailModes(person).entrySet().stream()
                .map(entry -> new KindView(entry.getKey().name(), entry.getKey().priority().name(), entry.getValue().name(),
                        entry.getKey().defaultEmailMode().name()))
                .toList());
    }

    private static NotificationKind kind(String kind) {
        try {
            return NotificationKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("email", "\"" + kind + "\" is not a kind of notification; one of "
                    + Arrays.toString(NotificationKind.values()));
        }
    }

    private static NotificationKind.EmailMode mode(String kind, String mode) {
        try {
            return NotificationKind.EmailMode.valueOf(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("email." + kind, "\"" + mode + "\" is not one of IMMEDIATE (at once), DIGEST (once a day), OFF");
        }
    }
}

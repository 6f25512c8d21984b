package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import net.collab.domain.Refusal;

/** Per person: their language, and for each kind of news whether it reaches them by e-mail at once, in the digest, or not. */
@ApplicationScoped
public class Preferences {

    public static final java.util.List<String> LANGUAGES = java.util.List.of("zh-CN", "en");

    @Inject
    EntityManager entityManager;

    /** Each kind with how it reaches the person by e-mail (their choice, else the kind's default). */
    @Transactional
    public Map<NotificationKind, NotificationKind.EmailMode> emailModes(Person person) {
        Map<NotificationKind, NotificationKind.EmailMode> modes = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            modes.put(kind, kind.defaultEmailMode());
        }
        for (Object row : entityManager.createNativeQuery("select kind, email from preference where subject = ?1")
                .setParameter(1, person.subject).getResultList()) {
            Object[] columns = (Object[]) row;
            try {
                modes.put(NotificationKind.valueOf((String) columns[0]), NotificationKind.EmailMode.valueOf((String) columns[1]));
            } catch (IllegalArgumentException e) {
                // a kind this version no longer has: the choice no longer applies
            }
        }
        return modes;
    }

    /** Changes what is given: the language (if not null), and the e-mail mode of each kind named. */
    @Transactional
    public void change(Person person, String language, Map<NotificationKind, NotificationKind.EmailMode> emailModes) {
        if (language != null) {
            if (!LANGUAGES.contains(language)) {
                throw Refusal.invalid("language", "\"" + language + "\" is not a language the network writes in; one of " + LANGUAGES);
            }
            Person managed = Person.findById(person.subject);
            managed.language = language;
            person.language = language;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        emailModes.forEach((kind, mode) -> entityManager.createNativeQuery("""
                insert into preference (subject, kind, email, updated_at) values (?1, ?2, ?3, ?4)
                on conflict (subject, kind) do update set email = excluded.email, updated_at = excluded.updated_at""")
                .setParameter(1, person.subject).setParameter(2, kind.name()).setParameter(3, mode.name()).setParameter(4, now)
                .executeUpdate());
    }
}

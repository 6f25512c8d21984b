package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Whom the service can reach. A person becomes known when they first use the service with a token
 * that names them (subject, e-mail address, name, whether they coordinate); what the token says is
 * kept up to date, what the person chose (language) is theirs.
 */
@ApplicationScoped
public class People {

    /** What a token says about the person calling. */
    public record Identity(String subject, String email, String displayName, boolean coordinator) {
    }

    /** @return the person as now known (written only when something the token says changed) */
    @Transactional
    public Person know(Identity identity) {
        // One statement: two first requests of the same person at once (a page loading two things) both succeed.
        // Plain JDBC: a token without an address or a name sends them untyped, and the columns' types apply.
        Person.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement upsert = connection.prepareStatement("""
                    insert into person (subject, email, display_name, language, coordinator, seen_at) values (?, ?, ?, 'zh-CN', ?, ?)
                    on conflict (subject) do update set email = excluded.email, display_name = excluded.display_name,
                        coordinator = excluded.coordinator, seen_at = excluded.seen_at
                    where person.email is distinct from excluded.email or person.display_name is distinct from excluded.display_name
                        or person.coordinator <> excluded.coordinator""")) {
                upsert.setString(1, identity.subject());
                upsert.setObject(2, identity.email());
                upsert.setObject(3, identity.displayName());
                upsert.setBoolean(4, identity.coordinator());
                upsert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                upsert.executeUpdate();
            }
        });
        return Person.findById(identity.subject());
    }

    /** The audiences whose items the person reads: their organizations, their role, themselves. */
    @Transactional
    public List<String> audiencesOf(Person person) {
        List<String> audiences = new java.util.ArrayList<>();
        audiences.add(Inbox.key(Audience.person(person.subject)));
        if (person.coordinator) {
            audiences.add(Inbox.key(Audience.coordinators()));
        }
        Person.getEntityManager().createNativeQuery("select organization_id from organization_member_replica where subject = ?1")
                .setParameter(1, person.subject).getResultList()
                .forEach(organization -> audiences.add(Inbox.key(Audience.organization((java.util.UUID) organization))));
        return audiences;
    }
}

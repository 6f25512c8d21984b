package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import net.collab.domain.Slice;

/** Items for audiences, written once each; a person's view of them, with their own read state. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    @Inject
    People people;

    @Inject
    Deliveries deliveries;

    @Inject
    LiveFeed feed;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    private static final Object LIVE_FEED_WOKEN = new Object();

    /** The key of an audience as stored ({@code inbox_item.audience}). */
    static String key(Audience audience) {
        if (audience instanceof Audience.Organization organization) {
            return "organization:" + organization.id();
        }
        if (audience instanceof Audience.Role role) {
            return "role:" + role.name();
        }
        return "person:" + ((Audience.Person) audience).subject();
    }

    /**
     * Writes the item for the audience, once: the same news (kind and subject) for the same audience a
     * second time writes nothing. A new item is sent on to those of the audience who want it by e-mail.
     *
     * @return the new item's id, or empty if the audience already had it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> write(Audience audience, NotificationKind kind, UUID aboutId, Messages.Message message) {
        UUID id = UUID.randomUUID();
        Object[] values = {id, audience instanceof Audience.Organization organization ? organization.id() : null,
                audience instanceof Audience.Role role ? role.name() : null,
                audience instanceof Audience.Person person ? person.subject() : null, kind.name(), kind.priority().name(),
                message.titleZh(), message.bodyZh(), message.titleEn(), message.bodyEn(), aboutId, OffsetDateTime.now(ZoneOffset.UTC)};
        // Plain JDBC: a null audience column is sent untyped, and the database takes the column's type.
        int written = entityManager.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox_item (id, recipient_organization_id, recipient_role, recipient_subject, kind, priority,
                        title_zh, body_zh, title_en, body_en, about_id, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (audience, kind, about_id) do nothing""")) {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                return insert.executeUpdate();
            }
        });
        if (written == 0) {
            return Optional.empty();
        }
        deliveries.fanOut(id, audience, kind);
        net.collab.messaging.AfterCommit.once(transactions, LIVE_FEED_WOKEN, feed::wakeUp); // open streams hear of it at once
        return Optional.of(id);
    }

    /** An item as one reader sees it. */
    public record Read(InboxItem item, boolean read) {
    }

    /** What the person was told, newest first; only one kind, or only what they have not read, if asked. */
    @Transactional
    public Slice<Read> of(Person person, Optional<NotificationKind> kind, boolean unreadOnly, int page, int size) {
        io.quarkus.panache.common.Parameters parameters = io.quarkus.panache.common.Parameters
                .with("audiences", people.audiencesOf(person));
        StringBuilder where = new StringBuilder("from InboxItem item where item.audience in :audiences");
        if (kind.isPresent()) {
            where.append(" and item.kind = :kind");
            parameters.and("kind", kind.get().name());
        }
        if (unreadOnly) {
            where.append(" and not exists (select 1 from InboxRead r where r.subject = :subject and r.itemId = item.id)");
            parameters.and("subject", person.subject);
        }
        PanacheQuery<InboxItem> query = InboxItem.find(where.toString(), Sort.descending("seq"), parameters);
        List<InboxItem> items = query.page(page, size).list();
        Set<UUID> read = readAmong(person.subject, items.stream().map(item -> item.id).toList());
        return new Slice<>(items.stream().map(item -> new Read(item, read.contains(item.id))).toList(), query.count());
    }

    /** How many items the person has not read yet. */
    @Transactional
    public long unread(Person person) {
        return InboxItem.count("from InboxItem item where item.audience in ?1"
                + " and not exists (select 1 from InboxRead r where r.subject = ?2 and r.itemId = item.id)",
                people.audiencesOf(person), person.subject);
    }

    /** How marking an item read went. */
    public enum Marking {
        MARKED, NO_SUCH_ITEM, NOT_THEIRS
    }

    /** Records that the person read the item, if it is one of theirs (again: no change). */
    @Transactional
    public Marking markRead(Person person, UUID itemId) {
        InboxItem item = InboxItem.findById(itemId);
        if (item == null) {
            return Marking.NO_SUCH_ITEM;
        }
        if (!people.audiencesOf(person).contains(item.audience)) {
            return Marking.NOT_THEIRS;
        }
        entityManager.createNativeQuery("insert into inbox_read (subject, item_id, read_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, person.subject).setParameter(2, itemId).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        return Marking.MARKED;
    }

    /** Marks everything the person was told up to now as read. @return how many items were unread */
    @Transactional
    public int markAllRead(Person person) {
        return entityManager.createNativeQuery("""
                insert into inbox_read (subject, item_id, read_at)
                select ?1, item.id, ?3 from inbox_item item where item.audience in (?2)
                on conflict do nothing""")
                .setParameter(1, person.subject).setParameter(2, people.audiencesOf(person))
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    private Set<UUID> readAmong(String subject, List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        return InboxRead.<InboxRead>list("subject = ?1 and itemId in ?2", subject, itemIds).stream().map(read -> read.itemId)
                .collect(Collectors.toSet());
    }
}

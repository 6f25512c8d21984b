package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import net.collab.domain.Refusal;
import net.collab.membership.AreaReplica;

/** People's subscriptions, and who among them follows a piece of news. */
@ApplicationScoped
public class Subscriptions {

    /** The kinds a subscription can bring (the others go to organizations and coordinators). */
    public static final List<NotificationKind> KINDS = List.of(NotificationKind.NEED_POSTED, NotificationKind.OFFER_POSTED,
            NotificationKind.RISK_LEVEL_RAISED, NotificationKind.NEED_FULFILLED, NotificationKind.ADVOCACY_PUBLISHED,
            NotificationKind.LEDGER_ENTRY_RECORDED);

    @Inject
    EntityManager entityManager;

    @Inject
    AreaReplica areas;

    /** What a new subscription follows. */
    public record Follow(String areaCode, String category, UUID organizationId, UUID needId, List<NotificationKind> kinds) {
    }

    @Transactional
    public Subscription subscribe(String subject, Follow follow) {
        if (follow.areaCode() == null && follow.category() == null && follow.organizationId() == null && follow.needId() == null) {
            throw Refusal.invalid("areaCode", "name at least one of areaCode, category, organizationId, needId: what to follow");
        }
        areas.requireKnown("areaCode", follow.areaCode());
        for (NotificationKind kind : follow.kinds()) {
            if (!KINDS.contains(kind)) {
                throw Refusal.invalid("kinds", kind + " does not come by subscription; one of " + KINDS);
            }
        }
        if (Subscription.count("subject", subject) >= 100) {
            throw Refusal.conflict("a person follows at most 100 things; remove one first");
        }
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.subject = subject;
        subscription.areaCode = follow.areaCode();
        subscription.category = follow.category();
        subscription.organizationId = follow.organizationId();
        subscription.needId = follow.needId();
        subscription.kinds = follow.kinds().isEmpty() ? null : String.join(",", follow.kinds().stream().map(Enum::name).distinct().toList());
        subscription.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        subscription.persist();
        return subscription;
    }

    @Transactional
    public List<Subscription> of(String subject) {
        return Subscription.list("subject = ?1 order by createdAt", subject);
    }

    /** How removing went. */
    public enum Removal {
        REMOVED, NO_SUCH_SUBSCRIPTION, NOT_THEIRS
    }

    @Transactional
    public Removal remove(String subject, UUID id) {
        Subscription subscription = Subscription.findById(id);
        if (subscription == null) {
            return Removal.NO_SUCH_SUBSCRIPTION;
        }
        if (!subscription.subject.equals(subject)) {
            return Removal.NOT_THEIRS;
        }
        subscription.delete();
        return Removal.REMOVED;
    }

    /**
     * The people following news of this kind about this place (its subtree: a subscription to a street
     * follows its communities; with {@code covering}, also a place above the subscribed one, as an
     * offer for a district covers the communities in it), category, organization and need; a null
     * attribute matches only subscriptions that do not ask for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> followers(NotificationKind kind, String areaCode, boolean covering, String category, UUID organizationId,
            UUID needId) {
        List<?> subjects = entityManager.createNativeQuery("""
                select distinct s.subject from subscription s
                where (s.kinds is null or ?1 = any(string_to_array(s.kinds, ',')))
                    and (s.area_code is null or cast(?2 as varchar) like s.area_code || '%'
                        or (?6 and cast(?2 as varchar) <> '' and s.area_code like cast(?2 as varchar) || '%'))
                    and (s.category is null or s.category = cast(?3 as varchar))
                    and (s.organization_id is null or s.organization_id = cast(?4 as uuid))
                    and (s.need_id is null or s.need_id = cast(?5 as uuid))""")
                .setParameter(1, kind.name()).setParameter(2, areaCode == null ? "" : areaCode)
                .setParameter(3, category == null ? "" : category)
                .setParameter(4, organizationId == null ? new UUID(0, 0) : organizationId)
                .setParameter(5, needId == null ? new UUID(0, 0) : needId).setParameter(6, covering).getResultList();
        return subjects.stream().map(String.class::cast).toList();
    }
}

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
    public record Follow(String areaCode, String category, UUID organizationId, UUID needId, UUID actionId, List<NotificationKind> kinds) {
    }

    /**
     * What a piece of news is about, to find who follows it: a place (with {@code covering}, news
     * that covers places below it too, as an offer for a district covers its communities), a
     * category, an organization, a need, an action; null where the news says nothing of it.
     */
    public record About(String areaCode, boolean covering, String category, UUID organizationId, UUID needId, UUID actionId) {
        public static About place(String areaCode) {
            return new About(areaCode, false, null, null, null, null);
        }

        public static About need(UUID needId) {
            return new About(null, false, null, null, needId, null);
        }
    }

    @Transactional
    public Subscription subscribe(String subject, Follow follow) {
        if (follow.areaCode() == null && follow.category() == null && follow.organizationId() == null && follow.needId() == null
                && follow.actionId() == null) {
            throw Refusal.invalid("areaCode", "name at least one of areaCode, category, organizationId, needId, actionId: what to follow");
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
        subscription.actionId = follow.actionId();
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
     * The people following news of this kind about this: every condition a subscription gives must
     * hold (a subscription to a street follows its communities' news); a subscription's condition on
     * something the news does not name (null) does not hold.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> followers(NotificationKind kind, About about) {
        List<?> subjects = entityManager.createNativeQuery("""
                select distinct s.subject from subscription s
                where (s.kinds is null or ?1 = any(string_to_array(s.kinds, ',')))
                    and (s.area_code is null or cast(?2 as varchar) like s.area_code || '%'
                        or (?6 and cast(?2 as varchar) <> '' and s.area_code like cast(?2 as varchar) || '%'))
                    and (s.category is null or s.category = cast(?3 as varchar))
                    and (s.organization_id is null or s.organization_id = cast(?4 as uuid))
                    and (s.need_id is null or s.need_id = cast(?5 as uuid))
                    and (s.action_id is null or s.action_id = cast(?7 as uuid))""")
                .setParameter(1, kind.name()).setParameter(2, about.areaCode() == null ? "" : about.areaCode())
                .setParameter(3, about.category() == null ? "" : about.category())
                .setParameter(4, orNone(about.organizationId())).setParameter(5, orNone(about.needId()))
                .setParameter(6, about.covering()).setParameter(7, orNone(about.actionId())).getResultList();
        return subjects.stream().map(String.class::cast).toList();
    }

    /** An id no subscription names (a null parameter would leave the database guessing its type). */
    private static UUID orNone(UUID id) {
        return id == null ? new UUID(0, 0) : id;
    }
}

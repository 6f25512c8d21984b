package net.collab.action.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import net.collab.domain.Slice;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.membership.AreaReplica;
import net.collab.membership.Memberships;
import net.collab.domain.Refusal;

/** Posting and withdrawing needs and offers, on behalf of an approved organization. */
@ApplicationScoped
public class NeedsAndOffers {

    @Inject
    Memberships memberships;

    @Inject
    AreaReplica areas;

    @Inject
    ActionEvents events;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Inject
    Actions actions;

    @Inject
    net.collab.membership.OrganizationReplica replica;

    @Transactional
    public Need post(Need.Draft draft, Beneficiary beneficiary, String subject) {
        memberships.requireActiveMember(draft.organizationId(), subject);
        areas.requireKnown("areaCode", draft.areaCode());
        actions.requireJoinable(draft.actionId(), draft.organizationId());
        Need need = Need.post(draft, subject, now());
        need.persist();
        if (beneficiary != null) {
            beneficiary.needId = need.id();
            beneficiary.persist();
        }
        events.needPosted(need);
        return need;
    }

    @Transactional
    public Need withdrawNeed(UUID needId, String reason, String subject) {
        Need need = withdraw(findNeed(needId), reason, subject, events::needWithdrawn);
        NeedProvider.closeAll(needId, now()); // matching cancels the matches too; the sight of the beneficiary ends here, now
        return need;
    }

    @Transactional
    public Offer post(Offer.Draft draft, String subject) {
        memberships.requireActiveMember(draft.organizationId(), subject);
        areas.requireKnown("areaCode", draft.areaCode());
        actions.requireJoinable(draft.actionId(), draft.organizationId());
        Offer offer = Offer.post(draft, subject, now());
        offer.persist();
        events.offerPosted(offer);
        return offer;
    }

    /** The organization takes its offer back: matching stops proposing it. */
    @Transactional
    public Offer withdrawOffer(UUID offerId, String reason, String subject) {
        return withdraw(findOffer(offerId), reason, subject, events::offerWithdrawn);
    }

    /** The organization has more or less to give than it said (OfferQuantityChanged); matching follows. */
    @Transactional
    public Offer changeOfferQuantity(UUID offerId, java.math.BigDecimal quantity, String subject) {
        Offer offer = findOffer(offerId);
        memberships.requireActiveMember(offer.organizationId(), subject);
        java.math.BigDecimal previous = offer.updateQuantity(quantity, now());
        if (previous.compareTo(quantity) != 0) { // the same quantity again changes nothing and tells nobody
            events.offerQuantityChanged(offer, previous);
        }
        return offer;
    }

    private <P extends Posting> P withdraw(P posting, String reason, String subject, java.util.function.Consumer<P> published) {
        memberships.requireActiveMember(posting.organizationId(), subject);
        posting.withdraw(reason, now());
        published.accept(posting);
        return posting;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * The beneficiary's personal data, for members of the requesting organization, the
     * administrators of the hub that sponsors it, and the coordinator; each read is written to the
     * audit log, with the capacity it was made in, in the same transaction, so no read goes unrecorded.
     */
    @Transactional
    public Beneficiary readBeneficiary(UUID needId, String subject, boolean coordinator) {
        Need need = findNeed(needId);
        PersonalDataAccess.Role role = coordinator ? PersonalDataAccess.Role.COORDINATOR : readerRole(need, subject);
        Beneficiary beneficiary = Beneficiary.findById(needId);
        if (beneficiary == null) {
            throw Refusal.notFound("beneficiary data of need " + needId);
        }
        PersonalDataAccess access = new PersonalDataAccess();
        access.needId = needId;
        access.subject = subject;
        access.asRole = role;
        access.accessedAt = OffsetDateTime.now(ZoneOffset.UTC);
        access.persist();
        return beneficiary;
    }

    /**
     * In which capacity the person may read the need's beneficiary data: a member of the requesting
     * organization, an administrator of its sponsoring hub, or a member of an approved provider whose
     * accepted match on the need is still open. Anyone else: 403.
     */
    private PersonalDataAccess.Role readerRole(Need need, String subject) {
        try {
            return memberships.requireMember(need.organizationId(), subject) == Memberships.Capacity.MEMBER
                    ? PersonalDataAccess.Role.REQUESTING_ORGANIZATION : PersonalDataAccess.Role.SPONSORING_HUB;
        } catch (Refusal.Forbidden refused) {
            for (UUID provider : NeedProvider.openProviders(need.id())) {
                var standing = replica.standing(provider, subject);
                if (standing.member() && standing.status().equals(java.util.Optional.of(
                        net.collab.events.Vocabulary.OrganizationStatus.APPROVED))) {
                    return PersonalDataAccess.Role.ACCEPTED_PROVIDER;
                }
            }
            throw Refusal.forbidden("only the requesting organization, the hub that sponsors it, a provider whose match on"
                    + " this need was accepted (until receipt is confirmed) and the coordinator read the beneficiary's details");
        }
    }

    /** Who read a need's personal data, oldest first, a page at a time: for the requesting organization and the coordinator. */
    @Transactional
    public Slice<PersonalDataAccess> beneficiaryAccesses(UUID needId, String subject, boolean coordinator, int page, int size) {
        Need need = findNeed(needId);
        if (!coordinator) {
            memberships.requireMember(need.organizationId(), subject);
        }
        PanacheQuery<PersonalDataAccess> query = PersonalDataAccess.find("needId", Sort.ascending("accessedAt", "id"), needId);
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    /** Needs still sought (open or partially matched), newest first, optionally of one category and of one organization. */
    @Transactional
    public Slice<Need> openNeeds(ResourceCategory category, UUID organizationId, UUID actionId, int page, int size) {
        Parameters parameters = Parameters.with("sought", List.of(Need.Status.OPEN, Need.Status.PARTIALLY_MATCHED))
                .and("category", category).and("organizationId", organizationId).and("actionId", actionId);
        PanacheQuery<Need> query = Need.find("status in :sought and paused = false and (:category is null or category = :category)"
                + " and (:organizationId is null or organizationId = :organizationId)"
                + " and (:actionId is null or actionId = :actionId)",
                Sort.descending("postedAt").and("id"), parameters);
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    /** Open offers, newest first, optionally of one organization and of one action. */
    @Transactional
    public Slice<Offer> openOffers(UUID organizationId, UUID actionId, int page, int size) {
        PanacheQuery<Offer> query = Offer.find("status = :open and paused = false"
                + " and (:organizationId is null or organizationId = :organizationId)"
                + " and (:actionId is null or actionId = :actionId)", Sort.descending("postedAt").and("id"),
                Parameters.with("open", Offer.Status.OPEN).and("organizationId", organizationId).and("actionId", actionId));
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    /**
     * What matching did, inside the consumer's transaction: the need's quantities and status follow.
     * A need this service does not have is a failure that would recur: the consumer dead-letters it.
     */
    public void matchProposed(UUID needId, java.math.BigDecimal quantity) {
        needOfMatch(needId).proposed(quantity, now());
    }

    /** A provider declined, or nobody answered in time: that quantity is sought again. */
    public void matchDeclined(UUID needId, java.math.BigDecimal quantity) {
        needOfMatch(needId).released(quantity, now());
    }

    /** The network cancelled a match: its quantity is sought again, and its provider no longer sees the beneficiary. */
    public void matchCancelled(UUID matchId, UUID needId, java.math.BigDecimal quantity) {
        needOfMatch(needId).released(quantity, now());
        NeedProvider.closed(matchId, now());
    }

    /**
     * The provider accepted: its members may read the beneficiary's details while the match is open
     * (never for a need that is closed: withdrawn, expired or fulfilled).
     */
    public void matchAccepted(UUID matchId, UUID needId, UUID providerOrganizationId, OffsetDateTime acceptedAt) {
        if (!needOfMatch(needId).status().closed()) {
            NeedProvider.accepted(matchId, needId, providerOrganizationId, acceptedAt);
        }
    }

    public void matchDelivered(UUID needId, java.math.BigDecimal quantity) {
        needOfMatch(needId).delivered(quantity, now());
    }

    /** The requester confirmed receipt: the match is closed, and with it the provider's sight of the beneficiary. */
    public void matchConfirmed(UUID matchId, UUID needId, java.math.BigDecimal quantityReceived) {
        needOfMatch(needId).received(quantityReceived, now());
        NeedProvider.closed(matchId, now());
    }

    private static Need needOfMatch(UUID needId) {
        Need need = Need.findById(needId);
        if (need == null) {
            throw new IllegalStateException("a match concerns need " + needId + ", which this service does not have");
        }
        return need;
    }

    /**
     * Needs past their deadline while still sought expire (NeedExpired), a batch at a time, oldest
     * deadline first; rows another instance is expiring are skipped. @return how many expired
     */
    @Transactional
    public int expireDue(int batch) {
        OffsetDateTime now = now();
        @SuppressWarnings("unchecked")
        List<Need> due = entityManager.createNativeQuery("""
                select * from need where status in ('OPEN', 'PARTIALLY_MATCHED') and deadline <= ?1
                order by deadline limit ?2 for update skip locked""", Need.class)
                .setParameter(1, now).setParameter(2, batch).getResultList();
        due.stream().filter(need -> need.expireIfDue(now)).forEach(need -> {
            events.needExpired(need);
            NeedProvider.closeAll(need.id(), now);
        });
        return due.size();
    }

    /**
     * A suspended organization's needs and offers still sought are paused (off the board, offered to
     * nobody); on reinstatement they come back. In the transaction of the organization event.
     */
    void onStatusChanged(@jakarta.enterprise.event.Observes net.collab.membership.OrganizationStatusChanged change) {
        OffsetDateTime now = now();
        if (change.to() == net.collab.events.Vocabulary.OrganizationStatus.SUSPENDED) {
            Need.<Need>list("organizationId", change.organizationId()).stream().filter(need -> need.pause(now))
                    .forEach(events::needPaused);
            Offer.<Offer>list("organizationId", change.organizationId()).stream().filter(offer -> offer.pause(now))
                    .forEach(events::offerPaused);
        } else if (change.to() == net.collab.events.Vocabulary.OrganizationStatus.APPROVED) {
            Need.<Need>list("organizationId = ?1 and paused = true", change.organizationId()).stream()
                    .filter(need -> need.resume(now)).forEach(events::needResumed);
            Offer.<Offer>list("organizationId = ?1 and paused = true", change.organizationId()).stream()
                    .filter(offer -> offer.resume(now)).forEach(events::offerResumed);
        }
    }

    @Transactional
    public Need findNeed(UUID id) {
        Need need = Need.findById(id);
        if (need == null) {
            throw Refusal.notFound("need " + id);
        }
        return need;
    }

    @Transactional
    public Offer findOffer(UUID id) {
        Offer offer = Offer.findById(id);
        if (offer == null) {
            throw Refusal.notFound("offer " + id);
        }
        return offer;
    }
}

package net.collab.action.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.collab.membership.Memberships;
import net.collab.domain.Refusal;

/** Posting and withdrawing needs and offers, on behalf of an approved organization. */
@ApplicationScoped
public class NeedsAndOffers {

    @Inject
    Memberships memberships;

    @Inject
    ActionEvents events;

    @Transactional
    public Need post(Need need, Beneficiary beneficiary, String subject) {
        memberships.requireActiveMember(need.organizationId, subject);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        need.id = UUID.randomUUID();
        need.status = Need.Status.OPEN;
        need.postedBy = subject;
        need.postedAt = now;
        need.updatedAt = now;
        need.persist();
        if (beneficiary != null) {
            beneficiary.needId = need.id;
            beneficiary.persist();
        }
        events.needPosted(need);
        return need;
    }

    @Transactional
    public Need withdraw(UUID needId, String reason, String subject) {
        Need need = findNeed(needId);
        memberships.requireActiveMember(need.organizationId, subject);
        if (need.status != Need.Status.OPEN) {
            throw Refusal.conflict("need " + needId + " is " + need.status + "; only an open need can be withdrawn");
        }
        need.status = Need.Status.WITHDRAWN;
        need.statusReason = reason;
        need.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.needWithdrawn(need);
        return need;
    }

    @Transactional
    public Offer post(Offer offer, String subject) {
        memberships.requireActiveMember(offer.organizationId, subject);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        offer.id = UUID.randomUUID();
        offer.status = Offer.Status.OPEN;
        offer.postedBy = subject;
        offer.postedAt = now;
        offer.updatedAt = now;
        offer.persist();
        events.offerPosted(offer);
        return offer;
    }

    /**
     * The beneficiary's personal data, for members of the requesting organization (or the hub that
     * speaks for it) and the coordinator; each read is written to the audit log in the same
     * transaction, so no read goes unrecorded.
     */
    @Transactional
    public Beneficiary readBeneficiary(UUID needId, String subject, boolean coordinator) {
        Need need = findNeed(needId);
        if (!coordinator) {
            memberships.requireMember(need.organizationId, subject);
        }
        Beneficiary beneficiary = Beneficiary.findById(needId);
        if (beneficiary == null) {
            throw Refusal.notFound("beneficiary data of need " + needId);
        }
        PersonalDataAccess access = new PersonalDataAccess();
        access.needId = needId;
        access.subject = subject;
        access.asRole = coordinator ? PersonalDataAccess.Role.COORDINATOR : PersonalDataAccess.Role.REQUESTING_ORGANIZATION;
        access.accessedAt = OffsetDateTime.now(ZoneOffset.UTC);
        access.persist();
        return beneficiary;
    }

    /** Who read a need's personal data: for the requesting organization and the coordinator. */
    @Transactional
    public java.util.List<PersonalDataAccess> beneficiaryAccesses(UUID needId, String subject, boolean coordinator) {
        Need need = findNeed(needId);
        if (!coordinator) {
            memberships.requireMember(need.organizationId, subject);
        }
        return PersonalDataAccess.list("needId = ?1 order by accessedAt, id", needId);
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

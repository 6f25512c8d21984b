package net.collab.matching.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import net.collab.domain.Refusal;

/**
 * A proposal that an offer serves (part of) a need, with the reason, and what became of it:
 * proposed → accepted | declined (by the provider); accepted → delivered (in one or more parts) →
 * confirmed (by the requester). The transitions live here.
 */
@Entity
@Table(name = "match")
public class Match extends PanacheEntityBase {

    public enum Status {
        /** Waiting for the provider's answer; its quantity is held for the need. */
        PROPOSED,
        /** The provider will deliver. */
        ACCEPTED,
        /** The provider cannot; the quantity is sought again. */
        DECLINED,
        /** Everything accepted has been delivered; waiting for the requester's confirmation. */
        DELIVERED,
        /** The requester confirmed receipt. */
        CONFIRMED,
        /** Ended by the network: the need was withdrawn or expired, a party suspended, or (a proposal) taken over. */
        CANCELLED,
        /** Nobody answered it in time. */
        EXPIRED;

        /** The statuses whose quantity no longer counts as covering the need nor as taken from the offer. */
        public static final java.util.List<Status> RELEASED = java.util.List.of(DECLINED, CANCELLED, EXPIRED);

        /** Whether the quantity still counts as covering the need. */
        public boolean holds() {
            return !RELEASED.contains(this);
        }
    }

    @Id
    private UUID id;
    @Column(name = "need_id")
    private UUID needId;
    @Column(name = "offer_id")
    private UUID offerId;
    @Column(name = "requester_organization_id")
    private UUID requesterOrganizationId;
    @Column(name = "provider_organization_id")
    private UUID providerOrganizationId;
    private BigDecimal quantity;
    @Column(name = "quantity_delivered")
    private BigDecimal quantityDelivered = BigDecimal.ZERO;
    private String unit;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String explanation;
    /** The ranking's score when it was proposed (its parts are in the explanation). */
    private BigDecimal score;
    /** When it expires if nobody answers. */
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;
    @Column(name = "decline_reason")
    private String declineReason;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "proposed_at")
    private OffsetDateTime proposedAt;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;
    /** Two answers at once (accept and decline): one wins, the other gets a 409. */
    @Version
    private long version;

    protected Match() {
    }

    static Match propose(NeedReplica need, OfferReplica offer, BigDecimal quantity, BigDecimal score, String explanation,
            OffsetDateTime now, OffsetDateTime expiresAt) {
        Match match = new Match();
        match.id = UUID.randomUUID();
        match.needId = need.id;
        match.offerId = offer.id;
        match.requesterOrganizationId = need.organizationId;
        match.providerOrganizationId = offer.organizationId;
        match.quantity = quantity;
        match.unit = need.unit;
        match.status = Status.PROPOSED;
        match.explanation = explanation;
        match.score = score;
        match.proposedAt = now;
        match.expiresAt = expiresAt;
        return match;
    }

    /** Nobody answered in time: it holds nothing any more. */
    void expire(OffsetDateTime now) {
        require(Status.PROPOSED, "expired");
        status = Status.EXPIRED;
        decidedAt = now;
    }

    /** The provider takes it on. */
    public void accept(OffsetDateTime now) {
        require(Status.PROPOSED, "accepted");
        status = Status.ACCEPTED;
        decidedAt = now;
    }

    /** The provider cannot; the reason is told to the requester. */
    public void decline(String reason, OffsetDateTime now) {
        require(Status.PROPOSED, "declined");
        status = Status.DECLINED;
        declineReason = reason;
        decidedAt = now;
    }

    /**
     * The network ends it: a proposal, or (when the need is closed for good) an accepted match not
     * yet fully delivered. @return whether it was cancelled
     */
    public boolean cancel(boolean acceptedToo, String reason, OffsetDateTime now) {
        if (status != Status.PROPOSED && !(acceptedToo && status == Status.ACCEPTED)) {
            return false;
        }
        status = Status.CANCELLED;
        cancelReason = reason;
        decidedAt = now;
        return true;
    }

    /** The provider delivered {@code delivered} more; never more than was accepted. */
    public void deliver(BigDecimal delivered) {
        require(Status.ACCEPTED, "delivered");
        BigDecimal total = quantityDelivered.add(delivered);
        if (total.compareTo(quantity) > 0) {
            throw Refusal.invalid("quantity", "would make " + plain(total) + " delivered of the " + plain(quantity) + " " + unit
                    + " accepted; " + plain(quantity.subtract(quantityDelivered)) + " are left to deliver");
        }
        quantityDelivered = total;
        if (total.compareTo(quantity) == 0) {
            status = Status.DELIVERED;
        }
    }

    /** The requester received everything. */
    public void confirm(OffsetDateTime now) {
        require(Status.DELIVERED, "confirmed");
        status = Status.CONFIRMED;
        confirmedAt = now;
    }

    /** 6, not 6.00: for people. */
    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private void require(Status expected, String what) {
        if (status != expected) {
            throw Refusal.conflict("match " + id + " is " + status + "; only a " + expected + " match can be " + what);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID needId() {
        return needId;
    }

    public UUID offerId() {
        return offerId;
    }

    public UUID requesterOrganizationId() {
        return requesterOrganizationId;
    }

    public UUID providerOrganizationId() {
        return providerOrganizationId;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal quantityDelivered() {
        return quantityDelivered;
    }

    public String unit() {
        return unit;
    }

    public Status status() {
        return status;
    }

    public String explanation() {
        return explanation;
    }

    public String declineReason() {
        return declineReason;
    }

    public BigDecimal score() {
        return score;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public OffsetDateTime proposedAt() {
        return proposedAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public OffsetDateTime confirmedAt() {
        return confirmedAt;
    }
}

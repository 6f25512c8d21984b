package net.collab.action.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.Urgency;

/** What a frontline organization lacks (需求). Beneficiaries' personal data is kept apart, in {@link Beneficiary}. */
@Entity
@Table(name = "need")
public class Need extends Posting {

    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    @Column(name = "target_group")
    private String targetGroup;
    private OffsetDateTime deadline;
    /** How much providers have been proposed for and not declined (MatchProposed less MatchDeclined). */
    @Column(name = "quantity_matched")
    private BigDecimal quantityMatched = BigDecimal.ZERO;
    /** How much providers reported delivered (MatchDelivered). */
    @Column(name = "quantity_delivered")
    private BigDecimal quantityDelivered = BigDecimal.ZERO;
    /** How much the organization confirmed receiving (MatchConfirmed). */
    @Column(name = "quantity_received")
    private BigDecimal quantityReceived = BigDecimal.ZERO;

    protected Need() {
    }

    /** What the organization says when it posts; checked by the API. */
    public record Draft(UUID organizationId, ResourceCategory category, String item, BigDecimal quantity, String unit,
            Urgency urgency, String areaCode, String targetGroup, OffsetDateTime deadline, String description, UUID actionId) {
    }

    /** A need as posted by a member (or a sponsoring hub's administrator) of an approved organization. */
    public static Need post(Draft draft, String postedBy, OffsetDateTime now) {
        Need need = new Need();
        need.open(draft.organizationId(), draft.category(), draft.item(), draft.quantity(), draft.unit(), draft.areaCode(),
                draft.description(), draft.actionId(), postedBy, now);
        need.urgency = draft.urgency();
        need.targetGroup = draft.targetGroup();
        need.deadline = draft.deadline();
        return need;
    }

    /** A provider was proposed for part or all of the need. */
    public void proposed(BigDecimal quantity, OffsetDateTime now) {
        quantityMatched = quantityMatched.add(quantity);
        followMatches(now);
    }

    /** A provider declined, or the network cancelled a match: that quantity is sought again. */
    public void released(BigDecimal quantity, OffsetDateTime now) {
        quantityMatched = quantityMatched.subtract(quantity).max(BigDecimal.ZERO);
        followMatches(now);
    }

    /** A provider delivered part or all of what it accepted. */
    public void delivered(BigDecimal quantity, OffsetDateTime now) {
        quantityDelivered = quantityDelivered.add(quantity);
        followMatches(now);
    }

    /** The organization confirmed receiving what one provider delivered. */
    public void received(BigDecimal quantity, OffsetDateTime now) {
        quantityReceived = quantityReceived.add(quantity);
        followMatches(now);
    }

    /**
     * open → partially matched → matched → delivered → fulfilled, as the quantities cover the need;
     * a decline can move it back. Withdrawn, expired and fulfilled needs stay so.
     */
    private void followMatches(OffsetDateTime now) {
        BigDecimal needed = quantity();
        follow(quantityReceived.compareTo(needed) >= 0 ? Status.FULFILLED
                : quantityDelivered.compareTo(needed) >= 0 ? Status.DELIVERED
                : quantityMatched.compareTo(needed) >= 0 ? Status.MATCHED
                : quantityMatched.signum() > 0 ? Status.PARTIALLY_MATCHED : Status.OPEN, now);
    }

    /** Past its deadline and still sought: it expires. @return whether it did */
    public boolean expireIfDue(OffsetDateTime now) {
        if (!status().sought() || deadline == null || deadline.isAfter(now)) {
            return false;
        }
        expire(now);
        return true;
    }

    @Override
    protected String kind() {
        return "need";
    }

    public BigDecimal quantityMatched() {
        return quantityMatched;
    }

    public BigDecimal quantityDelivered() {
        return quantityDelivered;
    }

    public BigDecimal quantityReceived() {
        return quantityReceived;
    }

    public Urgency urgency() {
        return urgency;
    }

    public String targetGroup() {
        return targetGroup;
    }

    public OffsetDateTime deadline() {
        return deadline;
    }
}

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
    /** How much providers have been proposed for so far (matching-service's MatchProposed). */
    @Column(name = "quantity_matched")
    private BigDecimal quantityMatched = BigDecimal.ZERO;

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
        matchedSoFar(quantityMatched, now);
    }

    @Override
    protected String kind() {
        return "need";
    }

    public BigDecimal quantityMatched() {
        return quantityMatched;
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

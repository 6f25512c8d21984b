package net.collab.events.action;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.Urgency;

/**
 * A frontline organization asks for support. Carries no personal data of beneficiaries: those
 * stay in action-service. Optional within v1: {@code actionId}, the action the need is part of.
 */
@EventContract(topic = Topics.NEEDS, type = "net.collab.need.posted.v1")
public record NeedPosted(
        UUID needId,
        UUID organizationId,
        ResourceCategory category,
        String item,
        BigDecimal quantity,
        String unit,
        Urgency urgency,
        String areaCode,
        String targetGroup,
        OffsetDateTime deadline,
        OffsetDateTime postedAt,
        UUID actionId) implements NeedEvent {

    /** A need that is part of no action. */
    public NeedPosted(UUID needId, UUID organizationId, ResourceCategory category, String item, BigDecimal quantity, String unit,
            Urgency urgency, String areaCode, String targetGroup, OffsetDateTime deadline, OffsetDateTime postedAt) {
        this(needId, organizationId, category, item, quantity, unit, urgency, areaCode, targetGroup, deadline, postedAt, null);
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.posted(this);
    }

    @Override
    public String aggregateId() {
        return needId.toString();
    }
}

package net.collab.events.matching;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.ResourceCategory;

/**
 * A need is still not covered long after it was posted ({@code waitingSince}): matching tells the
 * coordinator, once, with what is still missing. Keyed by the need's id.
 */
@EventContract(topic = Topics.MATCHES, type = "net.collab.need.escalated.v1")
public record NeedEscalated(
        UUID needId,
        UUID requesterOrganizationId,
        ResourceCategory category,
        String item,
        BigDecimal quantityMissing,
        String unit,
        String areaCode,
        OffsetDateTime waitingSince,
        OffsetDateTime escalatedAt) implements MatchEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.escalated(this);
    }

    @Override
    public String aggregateId() {
        return needId.toString();
    }
}

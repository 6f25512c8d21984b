package net.collab.events.matching;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * The provider reports a delivery: {@code quantity} this time, {@code quantityDelivered} so far of
 * the match's {@code quantityMatched}. A match may be delivered in several parts.
 */
@EventContract(topic = Topics.MATCHES, type = "net.collab.match.delivered.v1")
public record MatchDelivered(
        UUID matchId,
        UUID deliveryId,
        UUID needId,
        UUID offerId,
        UUID requesterOrganizationId,
        UUID providerOrganizationId,
        BigDecimal quantity,
        BigDecimal quantityDelivered,
        BigDecimal quantityMatched,
        String unit,
        OffsetDateTime deliveredAt) implements MatchEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.delivered(this);
    }

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}

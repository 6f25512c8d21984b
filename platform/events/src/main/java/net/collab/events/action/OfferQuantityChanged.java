package net.collab.events.action;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * The organization now has more or less to give than it said: {@code quantity} is the offer's new
 * whole quantity (what was already proposed from it included).
 */
@EventContract(topic = Topics.OFFERS, type = "net.collab.offer.quantity-changed.v1")
public record OfferQuantityChanged(
        UUID offerId,
        UUID organizationId,
        BigDecimal quantity,
        BigDecimal previousQuantity,
        OffsetDateTime changedAt) implements OfferEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.quantityChanged(this);
    }

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}

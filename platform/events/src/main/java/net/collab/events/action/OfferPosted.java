package net.collab.events.action;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.ResourceCategory;

/**
 * An organization offers a resource within an area (the area's whole subtree). Optional within v1:
 * {@code actionId}, the action the offer is part of.
 */
@EventContract(topic = Topics.OFFERS, type = "net.collab.offer.posted.v1")
public record OfferPosted(
        UUID offerId,
        UUID organizationId,
        ResourceCategory category,
        String item,
        BigDecimal quantity,
        String unit,
        String areaCode,
        OffsetDateTime availableUntil,
        OffsetDateTime postedAt,
        UUID actionId) implements OfferEvent {

    /** An offer that is part of no action. */
    public OfferPosted(UUID offerId, UUID organizationId, ResourceCategory category, String item, BigDecimal quantity, String unit,
            String areaCode, OffsetDateTime availableUntil, OffsetDateTime postedAt) {
        this(offerId, organizationId, category, item, quantity, unit, areaCode, availableUntil, postedAt, null);
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.posted(this);
    }

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}

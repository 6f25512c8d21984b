package net.collab.events.action;

import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * The offer's organization was suspended: nobody is to be matched with it until it is reinstated.
 */
@EventContract(topic = Topics.OFFERS, type = "net.collab.offer.paused.v1")
public record OfferPaused(UUID offerId, UUID organizationId) implements OfferEvent {
    @Override
    public String aggregateId() {
        return offerId.toString();
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.paused(this);
    }
}

package net.collab.events.action;

import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * The offer's organization was reinstated: the offer is sought (or offered) again, as it was.
 */
@EventContract(topic = Topics.OFFERS, type = "net.collab.offer.resumed.v1")
public record OfferResumed(UUID offerId, UUID organizationId) implements OfferEvent {
    @Override
    public String aggregateId() {
        return offerId.toString();
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.resumed(this);
    }
}

package net.collab.events.action;

import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.OFFERS, type = "net.collab.offer.withdrawn.v1")
public record OfferWithdrawn(UUID offerId, UUID organizationId, String reason) implements OfferEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.withdrawn(this);
    }

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}

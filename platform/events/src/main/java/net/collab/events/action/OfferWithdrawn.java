package net.collab.events.action;

import java.util.UUID;

import net.collab.events.DomainEvent;
import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.OFFERS, type = "net.collab.offer.withdrawn.v1")
public record OfferWithdrawn(UUID offerId, UUID organizationId, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}

package net.collab.events.action;

import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.NEEDS, type = "net.collab.need.withdrawn.v1")
public record NeedWithdrawn(UUID needId, UUID organizationId, String reason) implements NeedEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.withdrawn(this);
    }

    @Override
    public String aggregateId() {
        return needId.toString();
    }
}

package net.collab.events.action;

import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/** The need's deadline passed before it was covered: it leaves the board and is offered nothing more. */
@EventContract(topic = Topics.NEEDS, type = "net.collab.need.expired.v1")
public record NeedExpired(UUID needId, UUID organizationId, OffsetDateTime deadline) implements NeedEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.expired(this);
    }

    @Override
    public String aggregateId() {
        return needId.toString();
    }
}

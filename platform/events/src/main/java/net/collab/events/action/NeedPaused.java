package net.collab.events.action;

import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * The need's organization was suspended: nobody is to be matched with it until it is reinstated.
 */
@EventContract(topic = Topics.NEEDS, type = "net.collab.need.paused.v1")
public record NeedPaused(UUID needId, UUID organizationId) implements NeedEvent {
    @Override
    public String aggregateId() {
        return needId.toString();
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.paused(this);
    }
}

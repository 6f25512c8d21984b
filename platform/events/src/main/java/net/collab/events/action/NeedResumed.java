package net.collab.events.action;

import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * The need's organization was reinstated: the need is sought (or offered) again, as it was.
 */
@EventContract(topic = Topics.NEEDS, type = "net.collab.need.resumed.v1")
public record NeedResumed(UUID needId, UUID organizationId) implements NeedEvent {
    @Override
    public String aggregateId() {
        return needId.toString();
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.resumed(this);
    }
}

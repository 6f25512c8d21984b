package net.collab.events.action;

import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/** The organization took its post down; it is no longer listed. */
@EventContract(topic = Topics.ADVOCACY, type = "net.collab.advocacy.withdrawn.v1")
public record AdvocacyWithdrawn(UUID postId, UUID organizationId, String reason) implements AdvocacyEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.withdrawn(this);
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}

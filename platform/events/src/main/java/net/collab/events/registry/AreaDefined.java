package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.AreaLevel;

/**
 * An administrative area the network knows, as the registry has it (new or renamed). Key: the
 * code. The registry announces parents before children, but keys land on different partitions: a
 * consumer may read a child first and must not require its parent to be there yet.
 */
@EventContract(topic = Topics.AREAS, type = "net.collab.area.defined.v1")
public record AreaDefined(String code, String name, AreaLevel level, String parentCode) implements AreaEvent {
    @Override
    public String aggregateId() {
        return code;
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.defined(this);
    }
}

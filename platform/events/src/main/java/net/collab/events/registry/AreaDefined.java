package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.AreaLevel;
import net.collab.events.Vocabulary.RiskLevel;

/**
 * An administrative area the network knows, as the registry has it (new or renamed). Key: the
 * code. The registry announces parents before children, but keys land on different partitions: a
 * consumer may read a child first and must not require its parent to be there yet. Carries the
 * community's current risk level too: on the compacted topic the last record per code must hold the
 * whole state.
 */
@EventContract(topic = Topics.AREAS, type = "net.collab.area.defined.v1")
public record AreaDefined(String code, String name, AreaLevel level, String parentCode, RiskLevel riskLevel)
        implements AreaEvent {
    @Override
    public String aggregateId() {
        return code;
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.defined(this);
    }
}

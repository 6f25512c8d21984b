package net.collab.events.registry;

import java.time.OffsetDateTime;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.RiskLevel;

@EventContract(topic = Topics.AREAS, type = "net.collab.area.risk-level-changed.v1")
public record RiskLevelChanged(String areaCode, RiskLevel level, RiskLevel previousLevel, OffsetDateTime changedAt)
        implements AreaEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.riskLevelChanged(this);
    }

    @Override
    public String aggregateId() {
        return areaCode;
    }
}

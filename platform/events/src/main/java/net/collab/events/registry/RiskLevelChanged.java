package net.collab.events.registry;

import java.time.OffsetDateTime;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.AreaLevel;
import net.collab.events.Vocabulary.RiskLevel;

/**
 * The coordinator set a community's risk level. The topic is compacted (one record per area code
 * survives), so the event also carries what defines the area — {@code name}, {@code areaLevel},
 * {@code parentCode} (optional fields, added within v1) — and a replica built from the topic later
 * still knows the area.
 */
@EventContract(topic = Topics.AREAS, type = "net.collab.area.risk-level-changed.v1")
public record RiskLevelChanged(String areaCode, RiskLevel level, RiskLevel previousLevel, OffsetDateTime changedAt,
        String name, AreaLevel areaLevel, String parentCode) implements AreaEvent {

    /** Without the area's definition (as first published in v1). */
    public RiskLevelChanged(String areaCode, RiskLevel level, RiskLevel previousLevel, OffsetDateTime changedAt) {
        this(areaCode, level, previousLevel, changedAt, null, null, null);
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.riskLevelChanged(this);
    }

    @Override
    public String aggregateId() {
        return areaCode;
    }
}

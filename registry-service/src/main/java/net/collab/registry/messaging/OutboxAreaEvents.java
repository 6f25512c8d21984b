package net.collab.registry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.collab.events.Vocabulary.AreaLevel;
import net.collab.events.registry.AreaDefined;
import net.collab.events.registry.RiskLevelChanged;
import net.collab.messaging.Outbox;
import net.collab.registry.domain.Area;
import net.collab.registry.domain.AreaEvents;
import net.collab.registry.domain.AreaRiskLevelChange;

@ApplicationScoped
public class OutboxAreaEvents implements AreaEvents {

    @Inject
    Outbox outbox;

    @Override
    public void defined(Area area) {
        outbox.publish(new AreaDefined(area.code, area.name, AreaLevel.valueOf(area.level.name()), area.parentCode,
                area.riskLevel));
    }

    @Override
    public void riskLevelChanged(Area area, AreaRiskLevelChange change) {
        outbox.publish(new RiskLevelChanged(area.code, change.level, change.previousLevel, change.changedAt, area.name,
                AreaLevel.valueOf(area.level.name()), area.parentCode));
    }
}

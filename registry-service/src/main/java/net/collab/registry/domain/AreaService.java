package net.collab.registry.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.collab.events.Vocabulary.RiskLevel;
import net.collab.domain.Refusal;

/** The administrative hierarchy and the communities' risk levels. */
@ApplicationScoped
public class AreaService {

    @Inject
    AreaEvents events;

    @Transactional
    public Area find(String code) {
        Area area = Area.findById(code);
        if (area == null) {
            throw Refusal.notFound("area " + code);
        }
        return area;
    }

    /** The area and its ancestors, from the province down. */
    @Transactional
    public List<Area> path(String code) {
        List<Area> path = new ArrayList<>();
        for (Area area = find(code); area != null; area = area.parentCode == null ? null : Area.findById(area.parentCode)) {
            path.add(0, area);
        }
        return path;
    }

    /** Refuses (400, naming the field) unless every code is a known area. */
    @Transactional
    public void requireKnown(String field, Collection<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        List<String> known = Area.<Area>list("code in ?1", codes).stream().map(area -> area.code).toList();
        List<String> unknown = codes.stream().filter(code -> !known.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw Refusal.invalid(field, "unknown area " + String.join(", ", unknown)
                    + " (see GET /areas; a full national division file is loaded with deploy/import-areas)");
        }
    }

    /** Sets a community's risk level, keeps the history and tells the network. */
    @Transactional
    public AreaRiskLevelChange setRiskLevel(String code, RiskLevel level, String reason, String coordinator) {
        // Locked: concurrent changes must see each other's level and publish in the order they commit.
        Area area = Area.findById(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (area == null) {
            throw Refusal.notFound("area " + code);
        }
        if (area.level != Area.Level.COMMUNITY) {
            throw Refusal.invalid("code", area.code + " (" + area.name + ") is a " + area.level
                    + "; risk levels are set per community (12-digit code)");
        }
        AreaRiskLevelChange change = new AreaRiskLevelChange();
        change.areaCode = code;
        change.level = level;
        change.previousLevel = area.riskLevel;
        change.reason = reason;
        change.changedBy = coordinator;
        change.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        change.persist();
        area.riskLevel = level;
        events.riskLevelChanged(area, change);
        return change;
    }

    @Transactional
    public List<AreaRiskLevelChange> riskHistory(String code) {
        find(code);
        return AreaRiskLevelChange.list("areaCode = ?1 order by changedAt, id", code);
    }
}

package net.collab.registry.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import net.collab.events.Vocabulary.RiskLevel;

/** One setting of a community's risk level, kept for history. */
@Entity
@Table(name = "area_risk_level_change")
public class AreaRiskLevelChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "area_code")
    public String areaCode;
    @Enumerated(EnumType.STRING)
    public RiskLevel level;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_level")
    public RiskLevel previousLevel;
    public String reason;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}

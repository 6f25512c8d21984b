package net.collab.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import net.collab.events.Vocabulary.RiskLevel;

/** A division of the national statistical codes: 行政区划. */
@Entity
@Table(name = "area")
public class Area extends PanacheEntityBase {

    /** The level follows from the code's length: 2, 4, 6, 9 or 12 digits. */
    public enum Level {
        PROVINCE, CITY, DISTRICT, STREET, COMMUNITY;

        public static Level ofCode(String code) {
            return valueOf(net.collab.events.Vocabulary.AreaLevel.ofCode(code).name());
        }

        /** The code of the parent of a code of this length, or null for a province. */
        public static String parentOf(String code) {
            return net.collab.events.Vocabulary.AreaLevel.parentOf(code);
        }
    }

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Level level;
    @Column(name = "parent_code")
    public String parentCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;
    /** Whether the network has been told of this area as it is (AreaDefined). */
    public boolean announced;
}

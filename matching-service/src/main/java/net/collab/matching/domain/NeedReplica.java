package net.collab.matching.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.Urgency;

/** A need as action-service published it. */
@Entity
@Table(name = "need_replica")
public class NeedReplica extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public ResourceCategory category;
    public String item;
    /** The item's synonym key (ItemSynonyms): what offers are matched by. */
    @Column(name = "item_key")
    public String itemKey;
    public BigDecimal quantity;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "area_code")
    public String areaCode;
    public OffsetDateTime deadline;
    public boolean open;
    /** What proposals still hold of it (declined, expired and cancelled ones hold nothing). */
    @Column(name = "quantity_covered")
    public BigDecimal quantityCovered = BigDecimal.ZERO;
    /** When the coordinator was told it waits too long; once. */
    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;
    @Column(name = "posted_at")
    public OffsetDateTime postedAt;

    /** What no proposal covers yet. */
    public BigDecimal uncovered() {
        return quantity.subtract(quantityCovered);
    }
}

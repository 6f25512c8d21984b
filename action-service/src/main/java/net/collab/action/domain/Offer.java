package net.collab.action.domain;

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

/** What an organization can give (资源), within an area and its whole subtree. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    public enum Status {
        OPEN, WITHDRAWN
    }

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public ResourceCategory category;
    public String item;
    public BigDecimal quantity;
    public String unit;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "available_until")
    public OffsetDateTime availableUntil;
    public String description;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "posted_by")
    public String postedBy;
    @Column(name = "posted_at")
    public OffsetDateTime postedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

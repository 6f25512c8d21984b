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
import net.collab.events.Vocabulary.Urgency;

/** What a frontline organization lacks (需求). Beneficiaries' personal data is kept apart, in {@link Beneficiary}. */
@Entity
@Table(name = "need")
public class Need extends PanacheEntityBase {

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
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "target_group")
    public String targetGroup;
    public OffsetDateTime deadline;
    public String description;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "posted_by")
    public String postedBy;
    @Column(name = "posted_at")
    public OffsetDateTime postedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

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

import net.collab.domain.Refusal;

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
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Enumerated(EnumType.STRING)
    private ResourceCategory category;
    private String item;
    private BigDecimal quantity;
    private String unit;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    @Column(name = "area_code")
    private String areaCode;
    @Column(name = "target_group")
    private String targetGroup;
    private OffsetDateTime deadline;
    private String description;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "posted_by")
    private String postedBy;
    @Column(name = "posted_at")
    private OffsetDateTime postedAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Need() {
    }

    /** What the organization says when it posts; checked by the API. */
    public record Draft(UUID organizationId, ResourceCategory category, String item, BigDecimal quantity, String unit, Urgency urgency, String areaCode, String targetGroup, OffsetDateTime deadline, String description) {
    }

    /** A need as posted by a member (or a sponsoring hub's administrator) of an approved organization. */
    public static Need post(Draft draft, String postedBy, OffsetDateTime now) {
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.organizationId = draft.organizationId();
        need.category = draft.category();
        need.item = draft.item();
        need.quantity = draft.quantity();
        need.unit = draft.unit();
        need.urgency = draft.urgency();
        need.areaCode = draft.areaCode();
        need.targetGroup = draft.targetGroup();
        need.deadline = draft.deadline();
        need.description = draft.description();
        need.status = Status.OPEN;
        need.postedBy = postedBy;
        need.postedAt = now;
        need.updatedAt = now;
        return need;
    }

    /** The organization takes it back; only what is open can be withdrawn. */
    public void withdraw(String reason, OffsetDateTime now) {
        if (status != Status.OPEN) {
            throw Refusal.conflict("need " + id + " is " + status + "; only an open need can be withdrawn");
        }
        status = Status.WITHDRAWN;
        statusReason = reason;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public ResourceCategory category() {
        return category;
    }

    public String item() {
        return item;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String unit() {
        return unit;
    }

    public Urgency urgency() {
        return urgency;
    }

    public String areaCode() {
        return areaCode;
    }

    public String targetGroup() {
        return targetGroup;
    }

    public OffsetDateTime deadline() {
        return deadline;
    }

    public String description() {
        return description;
    }

    public Status status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public String postedBy() {
        return postedBy;
    }

    public OffsetDateTime postedAt() {
        return postedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}

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

/** What an organization can give (资源), within an area and its whole subtree. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

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
    @Column(name = "area_code")
    private String areaCode;
    @Column(name = "available_until")
    private OffsetDateTime availableUntil;
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

    protected Offer() {
    }

    /** What the organization says when it posts; checked by the API. */
    public record Draft(UUID organizationId, ResourceCategory category, String item, BigDecimal quantity, String unit, String areaCode, OffsetDateTime availableUntil, String description) {
    }

    /** An offer as posted by a member (or a sponsoring hub's administrator) of an approved organization. */
    public static Offer post(Draft draft, String postedBy, OffsetDateTime now) {
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.organizationId = draft.organizationId();
        offer.category = draft.category();
        offer.item = draft.item();
        offer.quantity = draft.quantity();
        offer.unit = draft.unit();
        offer.areaCode = draft.areaCode();
        offer.availableUntil = draft.availableUntil();
        offer.description = draft.description();
        offer.status = Status.OPEN;
        offer.postedBy = postedBy;
        offer.postedAt = now;
        offer.updatedAt = now;
        return offer;
    }

    /** The organization takes it back; only what is open can be withdrawn. */
    public void withdraw(String reason, OffsetDateTime now) {
        if (status != Status.OPEN) {
            throw Refusal.conflict("offer " + id + " is " + status + "; only an open offer can be withdrawn");
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

    public String areaCode() {
        return areaCode;
    }

    public OffsetDateTime availableUntil() {
        return availableUntil;
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

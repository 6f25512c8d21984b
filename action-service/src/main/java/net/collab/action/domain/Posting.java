package net.collab.action.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import net.collab.domain.Refusal;
import net.collab.events.Vocabulary.ResourceCategory;

/**
 * What needs and offers have in common: an organization posts so much of an item, in a place,
 * and may take it back while it is open. The transitions live here, once.
 */
@MappedSuperclass
public abstract class Posting extends PanacheEntityBase {

    public enum Status {
        /** Nothing proposed yet. */
        OPEN,
        /** Part of the quantity proposed by providers; the rest still sought. */
        PARTIALLY_MATCHED,
        /** The whole quantity proposed. */
        MATCHED,
        WITHDRAWN;

        /** Still on the board: others may still help with it. */
        public boolean sought() {
            return this == OPEN || this == PARTIALLY_MATCHED;
        }
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
    private String description;
    /** The action this is part of, if any (one of the organization's own). */
    @Column(name = "action_id")
    private UUID actionId;
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
    /** While the organization is suspended: off the board, offered to nobody; the status is kept for when it returns. */
    private boolean paused;
    /** Two withdrawals at once: one wins, the other gets a 409 rather than a second event. */
    @Version
    private int version;

    protected Posting() {
    }

    /** Opens the posting with what the organization said, by {@code postedBy}, now. */
    protected void open(UUID organizationId, ResourceCategory category, String item, BigDecimal quantity, String unit,
            String areaCode, String description, UUID actionId, String postedBy, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.category = category;
        this.item = item;
        this.quantity = quantity;
        this.unit = unit;
        this.areaCode = areaCode;
        this.description = description;
        this.actionId = actionId;
        this.status = Status.OPEN;
        this.postedBy = postedBy;
        this.postedAt = now;
        this.updatedAt = now;
    }

    /** The organization takes it back, whatever has been proposed for it (a proposal is no promise yet); once only. */
    public void withdraw(String reason, OffsetDateTime now) {
        if (status == Status.WITHDRAWN) {
            throw Refusal.conflict(kind() + " " + id + " is withdrawn already");
        }
        status = Status.WITHDRAWN;
        statusReason = reason;
        updatedAt = now;
    }

    /** The organization has more or less than it said (offers); refused once withdrawn. */
    protected BigDecimal changeQuantity(BigDecimal newQuantity, OffsetDateTime now) {
        if (status == Status.WITHDRAWN) {
            throw Refusal.conflict(kind() + " " + id + " is withdrawn; post a new one");
        }
        if (newQuantity.compareTo(quantity) == 0) {
            throw Refusal.invalid("quantity", "is the quantity already (" + quantity.toPlainString() + ")");
        }
        BigDecimal previous = quantity;
        quantity = newQuantity;
        updatedAt = now;
        return previous;
    }

    /** The organization was suspended: a posting still sought is paused. @return whether it was */
    public boolean pause(OffsetDateTime now) {
        if (paused || !status.sought()) {
            return false;
        }
        paused = true;
        updatedAt = now;
        return true;
    }

    /** The organization was reinstated: a paused posting is sought again. @return whether it was paused */
    public boolean resume(OffsetDateTime now) {
        if (!paused) {
            return false;
        }
        paused = false;
        updatedAt = now;
        return true;
    }

    public boolean paused() {
        return paused;
    }

    /** Moves between open, partially matched and matched as proposals cover the quantity; nothing else changes here. */
    protected void matchedSoFar(BigDecimal matched, OffsetDateTime now) {
        if (!status.sought() && status != Status.MATCHED) {
            return; // withdrawn: proposals arriving late change nothing on the board
        }
        status = matched.signum() == 0 ? Status.OPEN : matched.compareTo(quantity) >= 0 ? Status.MATCHED : Status.PARTIALLY_MATCHED;
        updatedAt = now;
    }

    /** "need" or "offer", for messages. */
    protected abstract String kind();

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

    public String description() {
        return description;
    }

    public UUID actionId() {
        return actionId;
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

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
        OPEN("待匹配"),
        /** Part of the quantity proposed by providers; the rest still sought. */
        PARTIALLY_MATCHED("部分匹配"),
        /** The whole quantity proposed. */
        MATCHED("已匹配"),
        /** The whole quantity delivered by the providers (needs). */
        DELIVERED("已送达"),
        /** The requester confirmed receiving the whole quantity (needs). */
        FULFILLED("已完成"),
        /** The deadline passed before the need was covered (needs). */
        EXPIRED("已过期"),
        WITHDRAWN("已撤回");

        public final String labelZh;

        Status(String labelZh) {
            this.labelZh = labelZh;
        }

        /** Closed for good: nothing moves it any more. */
        public boolean closed() {
            return this == WITHDRAWN || this == EXPIRED || this == FULFILLED;
        }

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

    /**
     * The organization takes it back, whatever has been proposed or accepted for it (matching then
     * cancels those matches); not once delivered, fulfilled, expired or withdrawn.
     */
    public void withdraw(String reason, OffsetDateTime now) {
        if (status.closed() || status == Status.DELIVERED) {
            throw Refusal.conflict(kind() + " " + id + " is " + status + "; there is nothing left to withdraw");
        }
        status = Status.WITHDRAWN;
        statusReason = reason;
        updatedAt = now;
    }

    /** The organization has more or less than it said (offers); refused once withdrawn. @return the quantity before */
    protected BigDecimal changeQuantity(BigDecimal newQuantity, OffsetDateTime now) {
        if (status == Status.WITHDRAWN) {
            throw Refusal.conflict(kind() + " " + id + " is withdrawn; post a new one");
        }
        BigDecimal previous = quantity;
        quantity = newQuantity;
        updatedAt = now;
        return previous;
    }

    /**
     * The organization was suspended: a posting not closed yet is paused (off the board, offered to
     * nobody, even if a decline later makes it sought again). @return whether it was
     */
    public boolean pause(OffsetDateTime now) {
        if (paused || status.closed()) {
            return false;
        }
        paused = true;
        updatedAt = now;
        return true;
    }

    /**
     * The organization was reinstated: a paused posting comes back. @return whether it comes back to
     * matching (not if it closed meanwhile, e.g. expired while paused)
     */
    public boolean resume(OffsetDateTime now) {
        if (!paused) {
            return false;
        }
        paused = false;
        updatedAt = now;
        return !status.closed();
    }

    public boolean paused() {
        return paused;
    }

    /** The status as the need's matches have it; closed ones (withdrawn, expired, fulfilled) stay as they are. */
    protected void follow(Status status, OffsetDateTime now) {
        if (this.status.closed() || this.status == status) {
            return;
        }
        this.status = status;
        updatedAt = now;
    }

    /** The deadline passed while it was still sought. */
    protected void expire(OffsetDateTime now) {
        status = Status.EXPIRED;
        statusReason = "deadline passed";
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

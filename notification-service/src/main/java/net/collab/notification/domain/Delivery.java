package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One send of one item over a channel that leaves the service, to one recipient: pending until it is
 * sent, retried after pauses that double, dead after the last attempt failed.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Channel {
        EMAIL, WEBHOOK
    }

    public enum Status {
        /** To be sent (again) from {@code nextAttemptAt}. */
        PENDING,
        /** Waits for the person's daily digest. */
        DIGEST,
        SENT,
        /** The last attempt failed, or it can never succeed. */
        DEAD,
        /** Nowhere to send it (no e-mail address known). */
        SKIPPED
    }

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "claimed_until")
    public OffsetDateTime claimedUntil;
    @Column(name = "claimed_by")
    public UUID claimedBy;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** The other side took it. */
    public void sent(OffsetDateTime now) {
        status = Status.SENT;
        sentAt = now;
        claimedUntil = null;
        claimedBy = null;
        lastError = null;
    }

    /** True while the claim is the one given (a claim that lapsed and was taken by another sender is not). */
    public boolean claimedBy(UUID claim) {
        return status == Status.PENDING && claim.equals(claimedBy);
    }

    /**
     * This attempt failed: tried again after a pause that doubles with each attempt (from
     * {@code initialDelay}, at most {@code maxDelay}), or dead if it was the last.
     *
     * @return true if it is dead now
     */
    public boolean failed(String error, OffsetDateTime now, int maxAttempts, java.time.Duration initialDelay,
            java.time.Duration maxDelay) {
        lastError = error;
        claimedUntil = null;
        claimedBy = null;
        if (attempts >= maxAttempts) {
            status = Status.DEAD;
            return true;
        }
        java.time.Duration pause = initialDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        nextAttemptAt = now.plus(pause.compareTo(maxDelay) > 0 ? maxDelay : pause);
        return false;
    }

    /** Dead, and tried again from {@code now} with a fresh count of attempts. */
    public void retry(OffsetDateTime now) {
        if (status != Status.DEAD) {
            throw net.collab.domain.Refusal.conflict("delivery " + id + " is " + status + "; only a dead delivery is sent again");
        }
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        claimedUntil = null;
        claimedBy = null;
    }

    /** Nowhere (any more) to send it, or nobody entitled to it: not sent, and not tried again. */
    public void skipped(String reason) {
        status = Status.SKIPPED;
        lastError = reason;
        claimedUntil = null;
        claimedBy = null;
    }
}

package net.collab.matching.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One delivery the provider reported on an accepted match. */
@Entity
@Table(name = "match_delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "match_id")
    private UUID matchId;
    private BigDecimal quantity;
    private String note;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "reported_at")
    private OffsetDateTime reportedAt;

    protected Delivery() {
    }

    static Delivery of(Match match, BigDecimal quantity, String note, String reportedBy, OffsetDateTime now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.matchId = match.id();
        delivery.quantity = quantity;
        delivery.note = note;
        delivery.reportedBy = reportedBy;
        delivery.reportedAt = now;
        return delivery;
    }

    public UUID id() {
        return id;
    }

    public UUID matchId() {
        return matchId;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime reportedAt() {
        return reportedAt;
    }
}

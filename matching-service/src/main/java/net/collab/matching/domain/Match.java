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

/** A proposal that an offer serves (part of) a need, with the reason. */
@Entity
@Table(name = "match")
public class Match extends PanacheEntityBase {

    public enum Status {
        PROPOSED
    }

    @Id
    public UUID id;
    @Column(name = "need_id")
    public UUID needId;
    @Column(name = "offer_id")
    public UUID offerId;
    @Column(name = "requester_organization_id")
    public UUID requesterOrganizationId;
    @Column(name = "provider_organization_id")
    public UUID providerOrganizationId;
    public BigDecimal quantity;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String explanation;
    @Column(name = "proposed_at")
    public OffsetDateTime proposedAt;
}

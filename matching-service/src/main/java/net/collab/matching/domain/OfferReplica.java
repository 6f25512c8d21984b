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

/** An offer as action-service published it, with what is still free to propose. */
@Entity
@Table(name = "offer_replica")
public class OfferReplica extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public ResourceCategory category;
    public String item;
    /** The item's synonym key (ItemSynonyms): what needs are matched by. */
    @Column(name = "item_key")
    public String itemKey;
    /** The whole quantity offered, as the provider last said. */
    public BigDecimal quantity;
    /** What is free to propose: the whole less what proposals still hold ({@code Matcher.refreshAvailable}). */
    @Column(name = "quantity_available")
    public BigDecimal quantityAvailable;
    public String unit;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "available_until")
    public OffsetDateTime availableUntil;
    public boolean open;
    @Column(name = "posted_at")
    public OffsetDateTime postedAt;
}

package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What one person follows: an area's subtree, a category, an organization, a need, an action — every condition given must hold. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {
    @Id
    public UUID id;
    public String subject;
    @Column(name = "area_code")
    public String areaCode;
    public String category;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "need_id")
    public UUID needId;
    @Column(name = "action_id")
    public UUID actionId;
    /** Comma-separated kinds; null for every kind a subscription brings. */
    public String kinds;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public List<String> kindList() {
        return kinds == null ? List.of() : Arrays.asList(kinds.split(","));
    }
}

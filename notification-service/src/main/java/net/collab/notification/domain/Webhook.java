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

/** Where the network POSTs an organization's news, signed with the webhook's secret. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String url;
    public String secret;
    /** Comma-separated kinds; null for every kind. */
    public String kinds;
    public boolean active;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public List<String> kindList() {
        return kinds == null ? List.of() : Arrays.asList(kinds.split(","));
    }
}

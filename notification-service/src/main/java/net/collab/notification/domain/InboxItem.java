package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A message for the members of one organization. */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "recipient_organization_id")
    public UUID recipientOrganizationId;
    public String kind;
    public String title;
    public String body;
    @Column(name = "about_id")
    public UUID aboutId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

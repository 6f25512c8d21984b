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
 * One piece of news for one audience — an organization's members, everyone with a role, or one
 * person — in both languages. Each reader has their own read state ({@code inbox_read}).
 */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The order in which items were written: the live stream's event ids. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "recipient_organization_id")
    public UUID recipientOrganizationId;
    @Column(name = "recipient_role")
    public String recipientRole;
    @Column(name = "recipient_subject")
    public String recipientSubject;
    @Column(insertable = false, updatable = false)
    public String audience;
    public String kind;
    @Enumerated(EnumType.STRING)
    public NotificationKind.Priority priority;
    @Column(name = "title_zh")
    public String titleZh;
    @Column(name = "body_zh")
    public String bodyZh;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "body_en")
    public String bodyEn;
    @Column(name = "about_id")
    public UUID aboutId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public String title(boolean english) {
        return english ? titleEn : titleZh;
    }

    public String body(boolean english) {
        return english ? bodyEn : bodyZh;
    }
}

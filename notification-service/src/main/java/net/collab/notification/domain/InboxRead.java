package net.collab.notification.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That one reader has read one item. */
@Entity
@Table(name = "inbox_read")
@IdClass(InboxRead.Key.class)
public class InboxRead extends PanacheEntityBase {
    @Id
    public String subject;
    @Id
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "read_at")
    public OffsetDateTime readAt;

    /** The primary key: reader and item. */
    public static class Key implements Serializable {
        public String subject;
        public UUID itemId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(subject, key.subject) && java.util.Objects.equals(itemId, key.itemId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(subject, itemId);
        }
    }
}

package net.collab.notification.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone this service can reach, as their token last described them, with their language. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    public String subject;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    public String language;
    public boolean coordinator;
    @Column(name = "seen_at")
    public OffsetDateTime seenAt;

    public boolean english() {
        return "en".equals(language);
    }
}

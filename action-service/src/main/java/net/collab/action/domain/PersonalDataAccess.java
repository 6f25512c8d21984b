package net.collab.action.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One read of a beneficiary's personal data, kept for accountability. */
@Entity
@Table(name = "personal_data_access")
public class PersonalDataAccess extends PanacheEntityBase {

    /** In which capacity the data was read. */
    public enum Role {
        REQUESTING_ORGANIZATION,
        /** An administrator of the hub that sponsors the requesting organization. */
        SPONSORING_HUB,
        /** A member of the organization whose match on the need was accepted, until the requester confirms receipt. */
        ACCEPTED_PROVIDER,
        COORDINATOR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "need_id")
    public UUID needId;
    public String subject;
    @Column(name = "as_role")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Role asRole;
    @Column(name = "accessed_at")
    public OffsetDateTime accessedAt;
}

package net.collab.registry.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;

/** An organization taking part in the network, and who belongs to it. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_status")
    public RegistrationStatus registrationStatus;

    @Column(name = "credit_code", columnDefinition = "char(18)")
    public String creditCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_areas", columnDefinition = "varchar(12)[]")
    public List<String> serviceAreas = new ArrayList<>();

    public String description;

    @Enumerated(EnumType.STRING)
    public OrganizationStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "organization_member", joinColumns = @JoinColumn(name = "organization_id"))
    public Set<Member> members = new HashSet<>();

    public boolean hasMember(String subject) {
        return members.stream().anyMatch(member -> member.subject.equals(subject));
    }

    public boolean hasAdmin(String subject) {
        return members.stream().anyMatch(member -> member.subject.equals(subject) && member.role == MemberRole.ORG_ADMIN);
    }

    public static boolean creditCodeTaken(String creditCode) {
        return count("creditCode", creditCode) > 0;
    }
}

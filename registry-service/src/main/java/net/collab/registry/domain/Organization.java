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

import net.collab.events.Vocabulary.EvaluationGrade;
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
    @Column(name = "evaluation_grade")
    public EvaluationGrade evaluationGrade;

    /** {@link net.collab.events.Vocabulary.ServiceDomain} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_domains", columnDefinition = "varchar(40)[]")
    public List<String> serviceDomains = new ArrayList<>();

    /** {@link net.collab.events.Vocabulary.TargetGroup} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "varchar(40)[]")
    public List<String> targetGroups = new ArrayList<>();

    /** Shown to everyone in the directory. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_contact")
    public Contact publicContact;

    /** Seen only by the organization's members, its sponsoring hub and the coordinator. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "private_contacts")
    public List<Contact> privateContacts = new ArrayList<>();

    public String website;

    /** The hub organization that vouches for a grassroots group. */
    @Column(name = "sponsor_organization_id")
    public UUID sponsorOrganizationId;

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

    public long adminCount() {
        return members.stream().filter(member -> member.role == MemberRole.ORG_ADMIN).count();
    }

    public java.util.Optional<Member> member(String subject) {
        return members.stream().filter(member -> member.subject.equals(subject)).findFirst();
    }

    /** May act in the network: approved and not suspended. */
    public boolean active() {
        return status == OrganizationStatus.APPROVED;
    }

    public static boolean creditCodeTaken(String creditCode) {
        return count("creditCode", creditCode) > 0;
    }
}

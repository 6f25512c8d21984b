package net.collab.registry.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
import net.collab.registry.domain.OrganizationService.Profile;
import net.collab.domain.Refusal;

/**
 * An organization taking part in the network, and who belongs to it. Its state changes only
 * through its methods, which hold the rules of each transition; the service loads it, calls one
 * and publishes what happened.
 */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Enumerated(EnumType.STRING)
    private OrganizationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_status")
    private RegistrationStatus registrationStatus;

    @Column(name = "credit_code", columnDefinition = "char(18)")
    private String creditCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_areas", columnDefinition = "varchar(12)[]")
    private List<String> serviceAreas = new ArrayList<>();

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "evaluation_grade")
    private EvaluationGrade evaluationGrade;

    /** {@link net.collab.events.Vocabulary.ServiceDomain} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_domains", columnDefinition = "varchar(40)[]")
    private List<String> serviceDomains = new ArrayList<>();

    /** {@link net.collab.events.Vocabulary.TargetGroup} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "varchar(40)[]")
    private List<String> targetGroups = new ArrayList<>();

    /** Shown to everyone in the directory. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_contact")
    private Contact publicContact;

    /** Seen only by the organization's members, its sponsoring hub and the coordinator. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "private_contacts")
    private List<Contact> privateContacts = new ArrayList<>();

    private String website;

    /** The hub organization that vouches for a grassroots group. */
    @Column(name = "sponsor_organization_id")
    private UUID sponsorOrganizationId;

    /** Whether the named hub has agreed to sponsor the group; until it has, the hub has no say. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sponsorship_status")
    private SponsorshipStatus sponsorshipStatus;

    @Enumerated(EnumType.STRING)
    private OrganizationStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    private int version;

    @ElementCollection(fetch = FetchType.LAZY) // lists and exports need no members: no query per organization
    @CollectionTable(name = "organization_member", joinColumns = @JoinColumn(name = "organization_id"))
    private Set<Member> members = new HashSet<>();

    /** At most this many people act for one organization; every event carries its member list. */
    public static final int MAX_MEMBERS = 500;

    /** Whether a hub has agreed to speak for a grassroots group. */
    public enum SponsorshipStatus {
        /** Named by the group; the hub has not answered yet and has no say. */
        PENDING,
        /** The hub sponsors the group: its administrators may act for it. */
        ACCEPTED,
        /** The hub refused; the group names another hub. */
        DECLINED
    }

    /** Who acts on an organization, as far as its own rules are concerned. */
    public enum Authority {
        /** The network's coordinator. */
        COORDINATOR,
        /** One of the organization's own administrators. */
        ADMINISTRATOR,
        /** An administrator of the hub that sponsors it (accepted sponsorship, active hub). */
        SPONSOR_ADMINISTRATOR,
        /** Anyone else. */
        NONE;

        boolean administers() {
            return this != NONE;
        }
    }

    protected Organization() {
    }

    /**
     * A new application; the applicant becomes its first administrator. The profile has been
     * checked against the rest of the network (credit code, areas, sponsor) by the caller.
     *
     * @param sponsorAgrees whether the applicant speaks for the named sponsor (one of its administrators)
     */
    public static Organization applyFor(Profile profile, String applicantSubject, boolean sponsorAgrees, OffsetDateTime now) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.status = OrganizationStatus.APPLIED;
        organization.createdAt = now;
        organization.members.add(new Member(applicantSubject, MemberRole.ORG_ADMIN, now));
        organization.setProfile(profile, sponsorAgrees);
        organization.updatedAt = now;
        return organization;
    }

    /**
     * Changes the profile to {@code profile} (already merged with the current one and checked).
     * Becoming or ceasing to be a hub changes who may speak for others: once the organization
     * has been vetted, only the coordinator makes that change.
     */
    public void changeProfile(Profile profile, Authority authority, boolean sponsorAgrees, OffsetDateTime now) {
        requireAdministration(authority);
        boolean hubChanges = (profile.kind() == OrganizationKind.HUB_ORGANIZATION) != (kind == OrganizationKind.HUB_ORGANIZATION);
        if (hubChanges && status != OrganizationStatus.APPLIED && authority != Authority.COORDINATOR) {
            throw Refusal.forbidden("becoming or ceasing to be a hub organization (HUB_ORGANIZATION) changes whom "
                    + id + " may speak for; once an organization is vetted, only the coordinator makes this change");
        }
        setProfile(profile, sponsorAgrees);
        updatedAt = now;
    }

    private void setProfile(Profile profile, boolean sponsorAgrees) {
        if (!java.util.Objects.equals(profile.sponsorOrganizationId(), sponsorOrganizationId)) {
            sponsorshipStatus = profile.sponsorOrganizationId() == null ? null
                    : sponsorAgrees ? SponsorshipStatus.ACCEPTED : SponsorshipStatus.PENDING;
        }
        nameZh = profile.nameZh().strip();
        nameEn = profile.nameEn() == null || profile.nameEn().isBlank() ? null : profile.nameEn().strip();
        kind = profile.kind();
        registrationStatus = profile.registrationStatus();
        creditCode = profile.creditCode();
        evaluationGrade = profile.evaluationGrade();
        serviceDomains = List.copyOf(profile.serviceDomains());
        targetGroups = List.copyOf(profile.targetGroups());
        serviceAreas = List.copyOf(profile.serviceAreas());
        description = profile.description();
        publicContact = profile.publicContact();
        privateContacts = new ArrayList<>(profile.privateContacts());
        website = profile.website();
        sponsorOrganizationId = profile.sponsorOrganizationId();
    }

    /** The coordinator approves an application. */
    public void approve(String reason, OffsetDateTime now) {
        transition(OrganizationStatus.APPLIED, OrganizationStatus.APPROVED, "approved", reason, now);
    }

    /** The coordinator rejects an application. */
    public void reject(String reason, OffsetDateTime now) {
        transition(OrganizationStatus.APPLIED, OrganizationStatus.REJECTED, "rejected", reason, now);
    }

    /** The coordinator stops an approved organization from acting in the network. */
    public void suspend(String reason, OffsetDateTime now) {
        transition(OrganizationStatus.APPROVED, OrganizationStatus.SUSPENDED, "suspended", reason, now);
    }

    /** The coordinator lets a suspended organization act again. */
    public void reinstate(String reason, OffsetDateTime now) {
        transition(OrganizationStatus.SUSPENDED, OrganizationStatus.APPROVED, "reinstated", reason, now);
    }

    private void transition(OrganizationStatus from, OrganizationStatus to, String verb, String reason, OffsetDateTime now) {
        if (status != from) {
            throw Refusal.conflict("organization " + id + " is " + status + "; only a " + from + " organization can be " + verb);
        }
        status = to;
        statusReason = reason;
        updatedAt = now;
    }

    /** The named hub answers the group's request for sponsorship (checked by the caller to be that hub's). */
    public void answerSponsorship(boolean accept, OffsetDateTime now) {
        if (sponsorshipStatus != SponsorshipStatus.PENDING) {
            throw Refusal.conflict("organization " + id + " has no sponsorship waiting for an answer"
                    + (sponsorshipStatus == null ? "" : " (it is " + sponsorshipStatus + ")"));
        }
        sponsorshipStatus = accept ? SponsorshipStatus.ACCEPTED : SponsorshipStatus.DECLINED;
        updatedAt = now;
    }

    /**
     * Adds a person or changes a member's role. A sponsoring hub helps its group but neither makes
     * nor takes the group's administrators, and an organization keeps at least one administrator.
     */
    public Member putMember(String subject, String email, MemberRole role, Authority authority, OffsetDateTime now) {
        requireAdministration(authority);
        if (role == MemberRole.ORG_ADMIN && authority == Authority.SPONSOR_ADMINISTRATOR) {
            // Else a hub's administrator could make themselves the group's and then remove its own.
            throw Refusal.forbidden("a sponsoring hub adds members to organization " + id
                    + " but does not make administrators; only its own administrators or the coordinator can");
        }
        Optional<Member> existing = member(subject);
        if (existing.isPresent() && existing.get().role == MemberRole.ORG_ADMIN && role != MemberRole.ORG_ADMIN) {
            requireMayDemoteAdministrator(authority);
        }
        if (existing.isEmpty() && members.size() >= MAX_MEMBERS) {
            throw Refusal.conflict("organization " + id + " has " + MAX_MEMBERS + " members, the most one organization"
                    + " can have in the network; remove someone who no longer acts for it first");
        }
        Member member = existing.orElseGet(() -> {
            Member added = new Member(subject, role, now, email);
            members.add(added);
            return added;
        });
        member.role = role;
        updatedAt = now;
        return member;
    }

    /** Removes a member, under the same rules as {@link #putMember}. */
    public void removeMember(String subject, Authority authority, OffsetDateTime now) {
        requireAdministration(authority);
        Member member = member(subject).orElseThrow(() -> Refusal.notFound("member " + subject + " of organization " + id));
        if (member.role == MemberRole.ORG_ADMIN) {
            requireMayDemoteAdministrator(authority);
        }
        members.remove(member);
        updatedAt = now;
    }

    private void requireMayDemoteAdministrator(Authority authority) {
        if (authority == Authority.SPONSOR_ADMINISTRATOR) {
            throw Refusal.forbidden("a sponsoring hub cannot take away the administrators of organization " + id
                    + "; only its own administrators or the coordinator can");
        }
        if (adminCount() == 1) {
            throw Refusal.conflict("this is the organization's last administrator; grant org-admin to someone else first");
        }
    }

    /**
     * Refuses anyone who does not administer the organization; while it is suspended, anyone but
     * the coordinator (suspension freezes what the organization shows and who acts for it).
     */
    public void requireAdministration(Authority authority) {
        if (!authority.administers()) {
            throw Refusal.forbidden("only administrators (org-admin) of organization " + id
                    + ", of the hub that sponsors it, or the coordinator may do this");
        }
        if (status == OrganizationStatus.SUSPENDED && authority != Authority.COORDINATOR) {
            throw Refusal.forbidden("organization " + id + " is suspended; until the coordinator reinstates it,"
                    + " only the coordinator changes it");
        }
    }

    /** The hub that has accepted to sponsor this group, if any. */
    public Optional<UUID> acceptedSponsor() {
        return sponsorshipStatus == SponsorshipStatus.ACCEPTED ? Optional.ofNullable(sponsorOrganizationId) : Optional.empty();
    }

    public boolean hasMember(String subject) {
        return members.stream().anyMatch(member -> member.subject.equals(subject));
    }

    public boolean hasAdmin(String subject) {
        return members.stream().anyMatch(member -> member.subject.equals(subject) && member.role == MemberRole.ORG_ADMIN);
    }

    public long adminCount() {
        return members.stream().filter(member -> member.role == MemberRole.ORG_ADMIN).count();
    }

    public Optional<Member> member(String subject) {
        return members.stream().filter(member -> member.subject.equals(subject)).findFirst();
    }

    /** May act in the network: approved and not suspended. */
    public boolean active() {
        return status == OrganizationStatus.APPROVED;
    }

    public static boolean creditCodeTaken(String creditCode) {
        return count("creditCode", creditCode) > 0;
    }

    public UUID id() {
        return id;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public OrganizationKind kind() {
        return kind;
    }

    public RegistrationStatus registrationStatus() {
        return registrationStatus;
    }

    public String creditCode() {
        return creditCode;
    }

    public List<String> serviceAreas() {
        return serviceAreas == null ? List.of() : java.util.Collections.unmodifiableList(serviceAreas);
    }

    public String description() {
        return description;
    }

    public EvaluationGrade evaluationGrade() {
        return evaluationGrade;
    }

    public List<String> serviceDomains() {
        return serviceDomains == null ? List.of() : java.util.Collections.unmodifiableList(serviceDomains);
    }

    public List<String> targetGroups() {
        return targetGroups == null ? List.of() : java.util.Collections.unmodifiableList(targetGroups);
    }

    public Contact publicContact() {
        return publicContact;
    }

    public List<Contact> privateContacts() {
        return privateContacts == null ? List.of() : java.util.Collections.unmodifiableList(privateContacts);
    }

    public String website() {
        return website;
    }

    public UUID sponsorOrganizationId() {
        return sponsorOrganizationId;
    }

    public SponsorshipStatus sponsorshipStatus() {
        return sponsorshipStatus;
    }

    public OrganizationStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }

    public Set<Member> members() {
        return java.util.Collections.unmodifiableSet(members);
    }
}

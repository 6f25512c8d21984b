package net.collab.registry.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.collab.events.Vocabulary.EvaluationGrade;
import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.domain.Refusal;

/**
 * Membership of the network: organizations apply, the coordinator decides, suspends and
 * reinstates; administrators keep their profile and members. A hub organization sees and can
 * speak for the grassroots groups it sponsors.
 */
@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationEvents events;

    @Inject
    AreaService areas;

    @Inject
    IdentityDirectory identities;

    /** What an organization says about itself; on an update, null means "unchanged". */
    public record Profile(String nameZh, String nameEn, OrganizationKind kind, RegistrationStatus registrationStatus,
            String creditCode, EvaluationGrade evaluationGrade, List<String> serviceDomains, List<String> targetGroups,
            List<String> serviceAreas, String description, Contact publicContact, List<Contact> privateContacts,
            String website, UUID sponsorOrganizationId) {
    }

    /** The applicant becomes the organization's first administrator. */
    @Transactional
    public Organization apply(Profile profile, String applicantSubject) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.status = OrganizationStatus.APPLIED;
        organization.createdAt = now;
        organization.members.add(new Member(applicantSubject, MemberRole.ORG_ADMIN, now));
        applyProfile(organization, profile);
        organization.updatedAt = now;
        organization.persist();
        events.applied(organization);
        return organization;
    }

    /** Changes the profile (only the fields given); by its administrators, its sponsor's or the coordinator. */
    @Transactional
    public Organization update(UUID id, Profile changes, Actor actor) {
        Organization organization = find(id);
        requireAdministrator(organization, actor);
        applyProfile(organization, merge(organization, changes));
        organization.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.updated(organization);
        return organization;
    }

    private void applyProfile(Organization organization, Profile profile) {
        if (profile.registrationStatus() == RegistrationStatus.REGISTERED && profile.creditCode() == null) {
            throw Refusal.invalid("unifiedSocialCreditCode", "is required for a REGISTERED organization");
        }
        if (profile.creditCode() != null && !profile.creditCode().equals(organization.creditCode)
                && Organization.creditCodeTaken(profile.creditCode())) {
            throw Refusal.conflict("an organization with Unified Social Credit Code "
                    + profile.creditCode() + " is already registered in the network");
        }
        areas.requireKnown("serviceAreas", profile.serviceAreas());
        boolean sponsorChanges = !java.util.Objects.equals(profile.sponsorOrganizationId(), organization.sponsorOrganizationId)
                || organization.registrationStatus != RegistrationStatus.GRASSROOTS;
        if (profile.registrationStatus() == RegistrationStatus.GRASSROOTS) {
            if (sponsorChanges) {
                requireSponsor(organization, profile.sponsorOrganizationId());
            }
        } else if (profile.sponsorOrganizationId() != null) {
            throw Refusal.invalid("sponsorOrganizationId", "only a GRASSROOTS group has a sponsor");
        }
        organization.nameZh = profile.nameZh().strip();
        organization.nameEn = profile.nameEn() == null || profile.nameEn().isBlank() ? null : profile.nameEn().strip();
        organization.kind = profile.kind();
        organization.registrationStatus = profile.registrationStatus();
        organization.creditCode = profile.creditCode();
        organization.evaluationGrade = profile.evaluationGrade();
        organization.serviceDomains = List.copyOf(profile.serviceDomains());
        organization.targetGroups = List.copyOf(profile.targetGroups());
        organization.serviceAreas = List.copyOf(profile.serviceAreas());
        organization.description = profile.description();
        organization.publicContact = profile.publicContact();
        organization.privateContacts = new ArrayList<>(profile.privateContacts());
        organization.website = profile.website();
        organization.sponsorOrganizationId = profile.sponsorOrganizationId();
    }

    private void requireSponsor(Organization organization, UUID sponsorId) {
        if (sponsorId == null) {
            throw Refusal.invalid("sponsorOrganizationId",
                    "a GRASSROOTS group must name the approved hub organization that sponsors it");
        }
        Organization sponsor = Organization.findById(sponsorId);
        if (sponsor == null || sponsor.kind != OrganizationKind.HUB_ORGANIZATION || !sponsor.active()
                || sponsor.id.equals(organization.id)) {
            throw Refusal.invalid("sponsorOrganizationId",
                    sponsorId + " is not an approved hub organization (HUB_ORGANIZATION)");
        }
    }

    private static Profile merge(Organization current, Profile changes) {
        // Leaving GRASSROOTS (registered or filed now) ends the sponsorship, unless one is named again.
        boolean leavesGrassroots = changes.registrationStatus() != null
                && changes.registrationStatus() != RegistrationStatus.GRASSROOTS;
        UUID sponsor = changes.sponsorOrganizationId() != null || leavesGrassroots
                ? changes.sponsorOrganizationId() : current.sponsorOrganizationId;
        return new Profile(
                or(changes.nameZh(), current.nameZh), or(changes.nameEn(), current.nameEn),
                or(changes.kind(), current.kind), or(changes.registrationStatus(), current.registrationStatus),
                or(changes.creditCode(), current.creditCode), or(changes.evaluationGrade(), current.evaluationGrade),
                or(changes.serviceDomains(), current.serviceDomains), or(changes.targetGroups(), current.targetGroups),
                or(changes.serviceAreas(), current.serviceAreas), or(changes.description(), current.description),
                or(changes.publicContact(), current.publicContact), or(changes.privateContacts(), current.privateContacts),
                or(changes.website(), current.website),
                sponsor);
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    /** The coordinator's decision on an application; only applications can be decided. */
    @Transactional
    public Organization decide(UUID id, boolean approve, String reason) {
        Organization organization = find(id);
        requireStatus(organization, OrganizationStatus.APPLIED, "approved or rejected");
        organization.status = approve ? OrganizationStatus.APPROVED : OrganizationStatus.REJECTED;
        organization.statusReason = reason;
        organization.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (approve) {
            events.approved(organization);
        } else {
            events.rejected(organization, reason);
        }
        return organization;
    }

    /** The coordinator stops an approved organization from acting in the network. */
    @Transactional
    public Organization suspend(UUID id, String reason) {
        Organization organization = find(id);
        requireStatus(organization, OrganizationStatus.APPROVED, "suspended");
        organization.status = OrganizationStatus.SUSPENDED;
        organization.statusReason = reason;
        organization.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.suspended(organization, reason);
        return organization;
    }

    /** The coordinator lets a suspended organization act again. */
    @Transactional
    public Organization reinstate(UUID id, String reason) {
        Organization organization = find(id);
        requireStatus(organization, OrganizationStatus.SUSPENDED, "reinstated");
        organization.status = OrganizationStatus.APPROVED;
        organization.statusReason = reason;
        organization.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.reinstated(organization);
        return organization;
    }

    private static void requireStatus(Organization organization, OrganizationStatus expected, String action) {
        if (organization.status != expected) {
            throw Refusal.conflict("organization " + organization.id + " is " + organization.status
                    + "; only a " + expected + " organization can be " + action);
        }
    }

    /**
     * Adds a person (by subject, or by the e-mail the identity provider knows) or changes the role
     * of a member; by the organization's administrators, its sponsor's or the coordinator.
     */
    @Transactional
    public Member putMember(UUID id, String subject, String email, MemberRole role, Actor actor) {
        Organization organization = find(id);
        requireAdministrator(organization, actor);
        String resolved = subject != null ? subject : identities.subjectByEmail(email).orElseThrow(() ->
                Refusal.invalid("email", "no person with the e-mail " + email
                        + " is known to the identity provider; they must have an account first"));
        var existing = organization.member(resolved);
        if (existing.isPresent() && existing.get().role == MemberRole.ORG_ADMIN && role != MemberRole.ORG_ADMIN
                && organization.adminCount() == 1) {
            throw Refusal.conflict("this is the organization's last administrator; grant org-admin to someone else first");
        }
        Member member = existing.orElseGet(() -> {
            Member added = new Member(resolved, role, OffsetDateTime.now(ZoneOffset.UTC), email);
            organization.members.add(added);
            return added;
        });
        member.role = role;
        organization.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.memberAdded(organization, member);
        return member;
    }

    @Transactional
    public void removeMember(UUID id, String subject, Actor actor) {
        Organization organization = find(id);
        requireAdministrator(organization, actor);
        Member member = organization.member(subject).orElseThrow(() ->
                Refusal.notFound("member " + subject + " of organization " + id));
        if (member.role == MemberRole.ORG_ADMIN && organization.adminCount() == 1) {
            throw Refusal.conflict("this is the organization's last administrator; grant org-admin to someone else first");
        }
        organization.members.remove(member);
        organization.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.memberRemoved(organization, subject);
    }

    @Transactional
    public Organization find(UUID id) {
        Organization organization = Organization.findById(id);
        if (organization == null) {
            throw Refusal.notFound("organization " + id);
        }
        return organization;
    }

    /** The groups a hub sponsors; seen by the hub's members and the coordinator. */
    @Transactional
    public List<Organization> sponsored(UUID hubId, Actor actor) {
        Organization hub = find(hubId);
        if (!actor.coordinator() && !hub.hasMember(actor.subject())) {
            throw Refusal.forbidden("only the hub's members and the coordinator see whom it sponsors");
        }
        return Organization.list("sponsorOrganizationId = ?1 order by nameZh", hubId);
    }

    /** Sees everything about the organization: its members, its sponsoring hub's members, the coordinator. */
    @Transactional
    public boolean isInsider(Organization organization, Actor actor) {
        if (actor == null) {
            return false;
        }
        return actor.coordinator() || organization.hasMember(actor.subject()) || sponsorHas(organization, actor.subject(), false);
    }

    private void requireAdministrator(Organization organization, Actor actor) {
        if (!actor.coordinator() && !organization.hasAdmin(actor.subject())
                && !sponsorHas(organization, actor.subject(), true)) {
            throw Refusal.forbidden("only administrators (org-admin) of organization " + organization.id
                    + ", of its sponsoring hub, or the coordinator may do this");
        }
    }

    private boolean sponsorHas(Organization organization, String subject, boolean admin) {
        if (organization.sponsorOrganizationId == null) {
            return false;
        }
        Organization sponsor = Organization.findById(organization.sponsorOrganizationId);
        // A suspended or rejected hub no longer speaks for anyone.
        return sponsor != null && sponsor.active() && (admin ? sponsor.hasAdmin(subject) : sponsor.hasMember(subject));
    }
}

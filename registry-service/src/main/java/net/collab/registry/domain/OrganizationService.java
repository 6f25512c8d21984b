package net.collab.registry.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.collab.domain.Refusal;
import net.collab.events.Vocabulary.EvaluationGrade;
import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;

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
        checkAgainstNetwork(profile, null);
        Organization organization = Organization.applyFor(profile, applicantSubject,
                speaksForSponsor(profile.sponsorOrganizationId(), applicantSubject), now());
        organization.persist();
        events.applied(organization);
        return organization;
    }

    /** Changes the profile (only the fields given); by its administrators, its sponsor's or the coordinator. */
    @Transactional
    public Organization update(UUID id, Profile changes, Actor actor) {
        Organization organization = find(id);
        Profile merged = merge(organization, changes);
        Organization.Authority authority = authority(organization, actor);
        if (authority.administers()) {
            checkAgainstNetwork(merged, organization);
        }
        organization.changeProfile(merged, authority, speaksForSponsor(merged.sponsorOrganizationId(), actor.subject()), now());
        events.updated(organization);
        return organization;
    }

    /** The rules of a profile that involve other organizations and the areas. */
    private void checkAgainstNetwork(Profile profile, Organization current) {
        if (profile.registrationStatus() == RegistrationStatus.REGISTERED && profile.creditCode() == null) {
            throw Refusal.invalid("unifiedSocialCreditCode", "is required for a REGISTERED organization");
        }
        if (profile.creditCode() != null && (current == null || !profile.creditCode().equals(current.creditCode()))
                && Organization.creditCodeTaken(profile.creditCode())) {
            throw Refusal.conflict("an organization with Unified Social Credit Code "
                    + profile.creditCode() + " is already registered in the network");
        }
        areas.requireKnown("serviceAreas", profile.serviceAreas());
        if (profile.registrationStatus() == RegistrationStatus.GRASSROOTS) {
            boolean sponsorChanges = current == null
                    || !Objects.equals(profile.sponsorOrganizationId(), current.sponsorOrganizationId())
                    || current.registrationStatus() != RegistrationStatus.GRASSROOTS;
            if (sponsorChanges) {
                requireSponsor(current, profile.sponsorOrganizationId());
            }
        } else if (profile.sponsorOrganizationId() != null) {
            throw Refusal.invalid("sponsorOrganizationId", "only a GRASSROOTS group has a sponsor");
        }
    }

    private void requireSponsor(Organization organization, UUID sponsorId) {
        if (sponsorId == null) {
            throw Refusal.invalid("sponsorOrganizationId",
                    "a GRASSROOTS group must name the approved hub organization that sponsors it");
        }
        Organization sponsor = Organization.findById(sponsorId);
        if (sponsor == null || sponsor.kind() != OrganizationKind.HUB_ORGANIZATION || !sponsor.active()
                || organization != null && sponsor.id().equals(organization.id())) {
            throw Refusal.invalid("sponsorOrganizationId",
                    sponsorId + " is not an approved hub organization (HUB_ORGANIZATION)");
        }
    }

    /**
     * Whether the person is an administrator of the named hub, not suspended: then the hub agrees
     * to sponsor as it is named.
     */
    private static boolean speaksForSponsor(UUID sponsorId, String subject) {
        if (sponsorId == null) {
            return false;
        }
        Organization sponsor = Organization.findById(sponsorId);
        return sponsor != null && sponsor.status() != OrganizationStatus.SUSPENDED && sponsor.hasAdmin(subject);
    }

    private static Profile merge(Organization current, Profile changes) {
        // Leaving GRASSROOTS (registered or filed now) ends the sponsorship, unless one is named again.
        boolean leavesGrassroots = changes.registrationStatus() != null
                && changes.registrationStatus() != RegistrationStatus.GRASSROOTS;
        UUID sponsor = changes.sponsorOrganizationId() != null || leavesGrassroots
                ? changes.sponsorOrganizationId() : current.sponsorOrganizationId();
        return new Profile(
                or(changes.nameZh(), current.nameZh()), or(changes.nameEn(), current.nameEn()),
                or(changes.kind(), current.kind()), or(changes.registrationStatus(), current.registrationStatus()),
                or(changes.creditCode(), current.creditCode()), or(changes.evaluationGrade(), current.evaluationGrade()),
                or(changes.serviceDomains(), current.serviceDomains()), or(changes.targetGroups(), current.targetGroups()),
                or(changes.serviceAreas(), current.serviceAreas()), or(changes.description(), current.description()),
                or(changes.publicContact(), current.publicContact()), or(changes.privateContacts(), current.privateContacts()),
                or(changes.website(), current.website()),
                sponsor);
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    /** The coordinator's decision on an application; only applications can be decided. */
    @Transactional
    public Organization decide(UUID id, boolean approve, String reason) {
        Organization organization = find(id);
        if (approve) {
            organization.approve(reason, now());
            events.approved(organization);
        } else {
            organization.reject(reason, now());
            events.rejected(organization, reason);
        }
        return organization;
    }

    /** The coordinator stops an approved organization from acting in the network. */
    @Transactional
    public Organization suspend(UUID id, String reason) {
        Organization organization = find(id);
        organization.suspend(reason, now());
        events.suspended(organization, reason);
        return organization;
    }

    /** The coordinator lets a suspended organization act again. */
    @Transactional
    public Organization reinstate(UUID id, String reason) {
        Organization organization = find(id);
        organization.reinstate(reason, now());
        events.reinstated(organization);
        return organization;
    }

    /** The hub a group named answers, by one of the hub's administrators (or the coordinator). */
    @Transactional
    public Organization answerSponsorship(UUID groupId, boolean accept, Actor actor) {
        Organization group = find(groupId);
        if (group.sponsorOrganizationId() == null) {
            throw Refusal.conflict("organization " + groupId + " names no sponsoring hub");
        }
        if (!actor.coordinator() && !speaksForSponsor(group.sponsorOrganizationId(), actor.subject())) {
            throw Refusal.forbidden("only administrators (org-admin) of the hub " + group.sponsorOrganizationId()
                    + " that the group names, or the coordinator, answer its request for sponsorship");
        }
        if (!actor.coordinator() && group.status() == OrganizationStatus.SUSPENDED) {
            throw Refusal.forbidden("organization " + groupId + " is suspended; until the coordinator reinstates it,"
                    + " only the coordinator changes it");
        }
        group.answerSponsorship(accept, now());
        events.updated(group);
        return group;
    }

    /**
     * Adds a person (by subject, or by the verified e-mail the identity provider knows) or changes
     * the role of a member; by the organization's administrators, its sponsor's or the coordinator.
     */
    @Transactional
    public Member putMember(UUID id, String subject, String email, MemberRole role, Actor actor) {
        Organization organization = find(id);
        Organization.Authority authority = authority(organization, actor);
        organization.requireAdministration(authority); // before the e-mail lookup: strangers learn nothing of who has an account
        String resolved = subject != null ? subject : identities.subjectByEmail(email).orElseThrow(() ->
                Refusal.invalid("email", "no person with the verified e-mail " + email
                        + " is known to the identity provider; they must have an account and confirm their e-mail first"));
        Member member = organization.putMember(resolved, email, role, authority, now());
        events.memberAdded(organization, member);
        return member;
    }

    @Transactional
    public void removeMember(UUID id, String subject, Actor actor) {
        Organization organization = find(id);
        organization.removeMember(subject, authority(organization, actor), now());
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

    /** The groups that name a hub as sponsor (whatever the hub's answer); seen by the hub's administrators and the coordinator. */
    @Transactional
    public List<Organization> sponsored(UUID hubId, Actor actor) {
        Organization hub = find(hubId);
        if (!actor.coordinator() && !hub.hasAdmin(actor.subject())) {
            throw Refusal.forbidden("only the hub's administrators and the coordinator see whom it sponsors");
        }
        return Organization.list("sponsorOrganizationId = ?1 order by nameZh", hubId);
    }

    /** Every sponsorship in the network, grouped by hub, hubs by name: for the coordinator. */
    @Transactional
    public Map<Organization, List<Organization>> sponsorships() {
        List<Organization> groups = Organization.list("sponsorOrganizationId is not null order by nameZh");
        Map<UUID, Organization> hubs = Organization.<Organization>list("id in ?1",
                groups.stream().map(Organization::sponsorOrganizationId).distinct().toList())
                .stream().collect(Collectors.toMap(Organization::id, hub -> hub));
        Map<Organization, List<Organization>> byHub = new TreeMap<>(
                Comparator.comparing(Organization::nameZh).thenComparing(Organization::id));
        for (Organization group : groups) {
            byHub.computeIfAbsent(hubs.get(group.sponsorOrganizationId()), hub -> new ArrayList<>()).add(group);
        }
        return byHub;
    }

    /** The organizations a person belongs to, whatever their status, by name. */
    @Transactional
    public List<Organization> of(String subject) {
        return Organization.list("select o from Organization o join o.members m where m.subject = ?1 order by o.nameZh", subject);
    }

    /**
     * Sees everything about the organization: its members, the administrators of the hub that
     * sponsors it (accepted sponsorship), the coordinator.
     */
    @Transactional
    public boolean isInsider(Organization organization, Actor actor) {
        if (actor == null) {
            return false;
        }
        return actor.coordinator() || organization.hasMember(actor.subject()) || sponsorAdministers(organization, actor.subject());
    }

    private Organization.Authority authority(Organization organization, Actor actor) {
        if (actor.coordinator()) {
            return Organization.Authority.COORDINATOR;
        }
        if (organization.hasAdmin(actor.subject())) {
            return Organization.Authority.ADMINISTRATOR;
        }
        return sponsorAdministers(organization, actor.subject()) ? Organization.Authority.SPONSOR_ADMINISTRATOR
                : Organization.Authority.NONE;
    }

    private static boolean sponsorAdministers(Organization organization, String subject) {
        Optional<UUID> sponsorId = organization.acceptedSponsor();
        if (sponsorId.isEmpty()) {
            return false;
        }
        Organization sponsor = Organization.findById(sponsorId.get());
        // A suspended or rejected hub, or one that is no longer a hub, speaks for nobody.
        return sponsor != null && sponsor.active() && sponsor.kind() == OrganizationKind.HUB_ORGANIZATION
                && sponsor.hasAdmin(subject);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

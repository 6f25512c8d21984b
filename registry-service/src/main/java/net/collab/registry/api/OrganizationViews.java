package net.collab.registry.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import net.collab.events.Vocabulary.EvaluationGrade;
import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.registry.domain.Contact;
import net.collab.registry.domain.Member;
import net.collab.registry.domain.Organization;
import net.collab.registry.domain.OrganizationService.Profile;
import net.collab.registry.domain.RegistrationStatus;

/** Request and response bodies of /organizations, and their mapping. */
public final class OrganizationViews {

    static final String AREA_CODE = "\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}";
    static final String AREA_CODE_MESSAGE = "must be a division code of 2, 4, 6, 9 or 12 digits";
    static final String WEB_ADDRESS = "https?://\\S+";

    private OrganizationViews() {
    }

    public record ContactData(@Size(max = 100) String name, @Size(max = 100) String role, @Size(max = 40) String phone,
            @Email @Size(max = 200) String email, @Size(max = 300) String address) {
        Contact toContact() {
            return new Contact(name, role, phone, email, address);
        }

        static ContactData of(Contact contact) {
            return contact == null ? null
                    : new ContactData(contact.name(), contact.role(), contact.phone(), contact.email(), contact.address());
        }
    }

    /** An application: what the organization says about itself. */
    public record ApplicationRequest(
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotNull OrganizationKind kind,
            @NotNull RegistrationStatus registrationStatus,
            @UnifiedSocialCreditCodeFormat String unifiedSocialCreditCode,
            EvaluationGrade evaluationGrade,
            @Size(max = 20) List<@NotNull ServiceDomain> serviceDomains,
            @Size(max = 20) List<@NotNull TargetGroup> targetGroups,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = AREA_CODE, message = AREA_CODE_MESSAGE) String> serviceAreas,
            @Size(max = 4000) String description,
            @Valid ContactData publicContact,
            @Size(max = 20) List<@NotNull @Valid ContactData> privateContacts,
            @Size(max = 300) @Pattern(regexp = WEB_ADDRESS, message = "must be an http(s) address") String website,
            UUID sponsorOrganizationId) {

        Profile toProfile() {
            return new Profile(nameZh, nameEn, kind, registrationStatus, unifiedSocialCreditCode, evaluationGrade,
                    names(serviceDomains), names(targetGroups), serviceAreas, description,
                    publicContact == null ? null : publicContact.toContact(),
                    privateContacts == null ? List.of() : privateContacts.stream().map(ContactData::toContact).toList(),
                    website, sponsorOrganizationId);
        }
    }

    /** A change of profile: only the fields given change. */
    public record ProfileChange(
            @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String nameZh,
            @Size(max = 200) String nameEn,
            OrganizationKind kind,
            RegistrationStatus registrationStatus,
            @UnifiedSocialCreditCodeFormat String unifiedSocialCreditCode,
            EvaluationGrade evaluationGrade,
            @Size(max = 20) List<@NotNull ServiceDomain> serviceDomains,
            @Size(max = 20) List<@NotNull TargetGroup> targetGroups,
            @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = AREA_CODE, message = AREA_CODE_MESSAGE) String> serviceAreas,
            @Size(max = 4000) String description,
            @Valid ContactData publicContact,
            @Size(max = 20) List<@NotNull @Valid ContactData> privateContacts,
            @Size(max = 300) @Pattern(regexp = WEB_ADDRESS, message = "must be an http(s) address") String website,
            UUID sponsorOrganizationId) {

        Profile toProfile() {
            return new Profile(nameZh, nameEn, kind, registrationStatus, unifiedSocialCreditCode, evaluationGrade,
                    serviceDomains == null ? null : names(serviceDomains), targetGroups == null ? null : names(targetGroups),
                    serviceAreas, description, publicContact == null ? null : publicContact.toContact(),
                    privateContacts == null ? null : privateContacts.stream().map(ContactData::toContact).toList(),
                    website, sponsorOrganizationId);
        }
    }

    static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
    }

    public record DecisionRequest(@NotNull Decision decision, @Size(max = 2000) String reason) {

        public enum Decision {
            APPROVE, REJECT
        }

        @JsonIgnore
        @AssertTrue(message = "is required when rejecting")
        public boolean isReasonGiven() {
            return decision != Decision.REJECT || (reason != null && !reason.isBlank());
        }

        boolean approves() {
            return decision == Decision.APPROVE;
        }
    }

    public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record OptionalReasonRequest(@Size(max = 2000) String reason) {
    }

    /** Adds a person by subject or by e-mail, with a role (default: ORG_MEMBER). */
    public record MemberRequest(@Size(max = 200) String subject, @Email @Size(max = 200) String email, MemberRole role) {
        @JsonIgnore
        @AssertTrue(message = "give exactly one of subject or email")
        public boolean isSubjectOrEmail() {
            return (subject == null || subject.isBlank()) != (email == null || email.isBlank());
        }

        MemberRole roleOrDefault() {
            return role == null ? MemberRole.ORG_MEMBER : role;
        }
    }

    /** A hub's answer to a grassroots group that names it as sponsor. */
    public record SponsorshipAnswer(@NotNull Answer answer) {

        public enum Answer {
            ACCEPT, DECLINE
        }

        boolean accepts() {
            return answer == Answer.ACCEPT;
        }
    }

    /** What anyone may see of an approved organization (its sponsor once the hub has accepted). */
    public record PublicOrganization(UUID id, String nameZh, String nameEn, OrganizationKind kind,
            RegistrationStatus registrationStatus, String unifiedSocialCreditCode, EvaluationGrade evaluationGrade,
            List<String> serviceDomains, List<String> targetGroups, List<String> serviceAreas, String description,
            ContactData publicContact, String website, UUID sponsorOrganizationId) {
        static PublicOrganization of(Organization organization) {
            return new PublicOrganization(organization.id(), organization.nameZh(), organization.nameEn(), organization.kind(),
                    organization.registrationStatus(), organization.creditCode(), organization.evaluationGrade(),
                    organization.serviceDomains(), organization.targetGroups(), organization.serviceAreas(),
                    organization.description(), ContactData.of(organization.publicContact()), organization.website(),
                    organization.acceptedSponsor().orElse(null));
        }
    }

    /** What the organization's members, its sponsoring hub and the coordinator see. */
    public record OrganizationView(UUID id, String nameZh, String nameEn, OrganizationKind kind,
            RegistrationStatus registrationStatus, String unifiedSocialCreditCode, EvaluationGrade evaluationGrade,
            List<String> serviceDomains, List<String> targetGroups, List<String> serviceAreas, String description,
            ContactData publicContact, List<ContactData> privateContacts, String website, UUID sponsorOrganizationId,
            Organization.SponsorshipStatus sponsorshipStatus, OrganizationStatus status, String statusReason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.id(), organization.nameZh(), organization.nameEn(), organization.kind(),
                    organization.registrationStatus(), organization.creditCode(), organization.evaluationGrade(),
                    organization.serviceDomains(), organization.targetGroups(), organization.serviceAreas(),
                    organization.description(), ContactData.of(organization.publicContact()),
                    organization.privateContacts().stream().map(ContactData::of).toList(), organization.website(),
                    organization.sponsorOrganizationId(), organization.sponsorshipStatus(), organization.status(), organization.statusReason(),
                    organization.createdAt(), organization.updatedAt());
        }
    }

    public record MemberView(String subject, String email, MemberRole role, OffsetDateTime addedAt) {
        static MemberView of(Member member) {
            return new MemberView(member.subject, member.email, member.role, member.addedAt);
        }
    }
}

package net.collab.registry.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.registry.domain.Member;
import net.collab.registry.domain.Organization;
import net.collab.registry.domain.OrganizationService;
import net.collab.registry.domain.RegistrationStatus;
import net.collab.registry.domain.UnifiedSocialCreditCode;

/** Request and response bodies of /organizations, and their mapping. */
public final class OrganizationViews {

    private OrganizationViews() {
    }

    public record ApplicationRequest(
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotNull OrganizationKind kind,
            @NotNull RegistrationStatus registrationStatus,
            String unifiedSocialCreditCode,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}",
                    message = "must be a division code of 2, 4, 6, 9 or 12 digits") String> serviceAreas,
            @Size(max = 4000) String description) {

        @JsonIgnore
        @AssertTrue(message = "is required for a REGISTERED organization and must be a valid Unified Social Credit Code (GB 32100-2015)")
        public boolean isUnifiedSocialCreditCodeValid() {
            if (unifiedSocialCreditCode == null) {
                return registrationStatus != RegistrationStatus.REGISTERED;
            }
            return UnifiedSocialCreditCode.problem(unifiedSocialCreditCode) == null;
        }

        OrganizationService.Application toApplication() {
            return new OrganizationService.Application(nameZh, nameEn, kind, registrationStatus, unifiedSocialCreditCode,
                    serviceAreas, description);
        }
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

    /** What anyone may see of an approved organization. */
    public record PublicOrganization(UUID id, String nameZh, String nameEn, OrganizationKind kind,
            RegistrationStatus registrationStatus, List<String> serviceAreas, String description) {
        static PublicOrganization of(Organization organization) {
            return new PublicOrganization(organization.id, organization.nameZh, organization.nameEn, organization.kind,
                    organization.registrationStatus, organization.serviceAreas, organization.description);
        }
    }

    /** What the organization's members and the coordinator see. */
    public record OrganizationView(UUID id, String nameZh, String nameEn, OrganizationKind kind,
            RegistrationStatus registrationStatus, String unifiedSocialCreditCode, List<String> serviceAreas,
            String description, OrganizationStatus status, String statusReason, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.id, organization.nameZh, organization.nameEn, organization.kind,
                    organization.registrationStatus, organization.creditCode, organization.serviceAreas,
                    organization.description, organization.status, organization.statusReason, organization.createdAt,
                    organization.updatedAt);
        }
    }

    public record MemberView(String subject, MemberRole role, OffsetDateTime addedAt) {
        static MemberView of(Member member) {
            return new MemberView(member.subject, member.role, member.addedAt);
        }
    }
}

package net.collab.registry.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;

/** Membership vetting: organizations apply, the coordinator decides. */
@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationEvents events;

    /** What an applicant says about the organization. */
    public record Application(String nameZh, String nameEn, OrganizationKind kind, RegistrationStatus registrationStatus,
            String creditCode, List<String> serviceAreas, String description) {
    }

    /** The applicant becomes the organization's first administrator. */
    @Transactional
    public Organization apply(Application application, String applicantSubject) {
        if (application.creditCode() != null && Organization.creditCodeTaken(application.creditCode())) {
            throw new RegistryException.Conflict("an organization with Unified Social Credit Code "
                    + application.creditCode() + " is already registered in the network");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.nameZh = application.nameZh().strip();
        organization.nameEn = application.nameEn() == null ? null : application.nameEn().strip();
        organization.kind = application.kind();
        organization.registrationStatus = application.registrationStatus();
        organization.creditCode = application.creditCode();
        organization.serviceAreas = List.copyOf(application.serviceAreas());
        organization.description = application.description();
        organization.status = OrganizationStatus.APPLIED;
        organization.createdAt = now;
        organization.updatedAt = now;
        organization.members.add(new Member(applicantSubject, MemberRole.ORG_ADMIN, now));
        organization.persist();
        events.applied(organization);
        return organization;
    }

    /** The coordinator's decision on an application; only applications can be decided. */
    @Transactional
    public Organization decide(UUID id, boolean approve, String reason) {
        Organization organization = find(id);
        if (organization.status != OrganizationStatus.APPLIED) {
            throw new RegistryException.Conflict("organization " + id + " is " + organization.status
                    + "; only an application (APPLIED) can be approved or rejected");
        }
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

    @Transactional
    public Organization find(UUID id) {
        Organization organization = Organization.findById(id);
        if (organization == null) {
            throw new RegistryException.NotFound("organization " + id);
        }
        return organization;
    }
}

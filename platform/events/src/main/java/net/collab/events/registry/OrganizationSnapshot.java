package net.collab.events.registry;

import java.util.List;
import java.util.UUID;

import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;

/**
 * The public state of an organization after a change, members included. Every event on the
 * compacted organizations topic carries the whole snapshot, so that the last event per key is
 * enough for a consumer to rebuild its replica. Optional fields added within v1:
 * {@code sponsorOrganizationId} names the hub that vouches for a grassroots group and may speak
 * for it (present once the hub has accepted); {@code version} grows with every change of the
 * organization, so that a consumer keeps the newest snapshot whatever order it reads them in
 * (a producer's clock says nothing reliable about order).
 */
public record OrganizationSnapshot(
        UUID id,
        String nameZh,
        String nameEn,
        OrganizationKind kind,
        OrganizationStatus status,
        List<String> serviceAreas,
        List<Member> members,
        UUID sponsorOrganizationId,
        Long version) {

    /** Without a sponsor (anything but a grassroots group). */
    public OrganizationSnapshot(UUID id, String nameZh, String nameEn, OrganizationKind kind, OrganizationStatus status,
            List<String> serviceAreas, List<Member> members) {
        this(id, nameZh, nameEn, kind, status, serviceAreas, members, null, null);
    }

    public OrganizationSnapshot {
        serviceAreas = serviceAreas == null ? List.of() : List.copyOf(serviceAreas);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** True when the organization may act in the network (post, offer, claim). */
    public boolean active() {
        return status == OrganizationStatus.APPROVED;
    }

    /** A person in an organization, by the identity provider's subject. */
    public record Member(String subject, MemberRole role) {
    }
}

package net.collab.membership;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.domain.Refusal;

/** Authorization of writes made on behalf of an organization. */
@ApplicationScoped
public class Memberships {

    @Inject
    OrganizationReplica replica;

    /**
     * Refuses (403) unless the organization is approved (not suspended) and the person is one of
     * its members, or a member of the approved hub that sponsors it (a hub speaks for its groups).
     */
    public void requireActiveMember(UUID organizationId, String subject) {
        OrganizationReplica.Standing standing = replica.standing(organizationId, subject);
        OrganizationStatus status = standing.status().orElseThrow(() -> Refusal.forbidden(
                "organization " + organizationId + " is not an approved member of the network"));
        requireMember(organizationId, standing);
        if (status != OrganizationStatus.APPROVED) {
            throw Refusal.forbidden("organization " + organizationId + " is " + status
                    + "; only approved organizations act in the network");
        }
    }

    /**
     * Refuses (403) unless the person is a member of the organization or of the approved hub that
     * sponsors it, whatever the organization's status (its own data stays its own).
     */
    public void requireMember(UUID organizationId, String subject) {
        requireMember(organizationId, replica.standing(organizationId, subject));
    }

    private static void requireMember(UUID organizationId, OrganizationReplica.Standing standing) {
        if (!standing.member() && !standing.memberOfActiveSponsor()) {
            throw Refusal.forbidden("you are not a member of organization " + organizationId
                    + " nor of a hub that sponsors it");
        }
    }
}

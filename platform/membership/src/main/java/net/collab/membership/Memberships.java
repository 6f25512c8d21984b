package net.collab.membership;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.collab.domain.Refusal;
import net.collab.events.Vocabulary.OrganizationStatus;

/** Authorization of acts on behalf of an organization, from this service's replica of the registry. */
@ApplicationScoped
public class Memberships {

    /** In which capacity a person acts for an organization. */
    public enum Capacity {
        /** One of the organization's own members. */
        MEMBER,
        /** An administrator of the approved hub that has accepted to sponsor the organization. */
        SPONSOR_ADMINISTRATOR
    }

    @Inject
    OrganizationReplica replica;

    /**
     * Refuses (403) unless the organization is approved (not suspended) and the person is one of
     * its members, or an administrator of the approved hub that sponsors it (a hub speaks for its groups).
     */
    public Capacity requireActiveMember(UUID organizationId, String subject) {
        return requireActive(organizationId, replica.standing(organizationId, subject));
    }

    /**
     * As {@link #requireActiveMember}, but only an administrator (ORG_ADMIN) of the organization, or
     * of the hub that sponsors it, will do: for what commits the organization in public (its
     * ledger, its advocacy). A member without the role gets 403 naming the role.
     */
    public Capacity requireActiveAdministrator(UUID organizationId, String subject) {
        OrganizationReplica.Standing standing = replica.standing(organizationId, subject);
        Capacity capacity = requireActive(organizationId, standing);
        if (!standing.administrator() && !standing.administratorOfActiveSponsor()) {
            throw Refusal.forbidden("only an administrator (ORG_ADMIN) of organization " + organizationId
                    + " (or of the hub that sponsors it) may do this; you are a member without that role");
        }
        return capacity;
    }

    private static Capacity requireActive(UUID organizationId, OrganizationReplica.Standing standing) {
        OrganizationStatus status = standing.status().orElseThrow(() -> Refusal.forbidden(
                "organization " + organizationId + " is not an approved member of the network"));
        Capacity capacity = capacity(organizationId, standing);
        if (status != OrganizationStatus.APPROVED) {
            throw Refusal.forbidden("organization " + organizationId + " is " + status
                    + "; only approved organizations act in the network");
        }
        return capacity;
    }

    /**
     * Refuses (403) unless the person is a member of the organization or an administrator of the
     * approved hub that sponsors it, whatever the organization's status (its own data stays its own).
     */
    public Capacity requireMember(UUID organizationId, String subject) {
        return capacity(organizationId, replica.standing(organizationId, subject));
    }

    private static Capacity capacity(UUID organizationId, OrganizationReplica.Standing standing) {
        if (standing.member()) {
            return Capacity.MEMBER;
        }
        if (standing.administratorOfActiveSponsor()) {
            return Capacity.SPONSOR_ADMINISTRATOR;
        }
        throw Refusal.forbidden("you are not a member of organization " + organizationId
                + " nor an administrator of a hub that sponsors it");
    }
}

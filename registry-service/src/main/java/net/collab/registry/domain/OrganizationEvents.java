package net.collab.registry.domain;

/**
 * What the registry tells the network about an organization. Implemented in the messaging
 * package (through the outbox); called inside the transaction of the change.
 */
public interface OrganizationEvents {
    void applied(Organization organization);

    void approved(Organization organization);

    void rejected(Organization organization, String reason);

    void updated(Organization organization);

    void suspended(Organization organization, String reason);

    void reinstated(Organization organization);

    void memberAdded(Organization organization, Member member);

    void memberRemoved(Organization organization, String subject);
}

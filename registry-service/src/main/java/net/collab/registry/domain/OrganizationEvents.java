package net.collab.registry.domain;

/**
 * What the registry tells the network about an organization. Implemented in the messaging
 * package (through the outbox); called inside the transaction of the change.
 */
public interface OrganizationEvents {
    void applied(Organization organization);

    void approved(Organization organization);

    void rejected(Organization organization, String reason);
}

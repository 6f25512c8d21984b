package net.collab.events.registry;

import net.collab.events.DomainEvent;

/**
 * An event on {@code registry.organizations.v1}: each carries the organization's state after it,
 * so a replica applies every type alike. Sealed: the types of the topic are these and no others.
 */
public sealed interface OrganizationEvent extends DomainEvent permits OrganizationApplied, OrganizationApproved,
        OrganizationRejected, OrganizationUpdated, OrganizationSuspended, OrganizationReinstated, MemberAdded, MemberRemoved {
    OrganizationSnapshot organization();

    @Override
    default String aggregateId() {
        return organization().id().toString();
    }
}

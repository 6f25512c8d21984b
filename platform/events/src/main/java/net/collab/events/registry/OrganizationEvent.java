package net.collab.events.registry;

import net.collab.events.DomainEvent;

/** An event on {@code registry.organizations.v1}: each carries the organization's state after it. */
public interface OrganizationEvent extends DomainEvent {
    OrganizationSnapshot organization();

    @Override
    default String aggregateId() {
        return organization().id().toString();
    }
}

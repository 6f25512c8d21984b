package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.ORGANIZATIONS, type = "net.collab.organization.updated.v1")
public record OrganizationUpdated(OrganizationSnapshot organization) implements OrganizationEvent {
}

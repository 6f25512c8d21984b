package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.ORGANIZATIONS, type = "net.collab.organization.suspended.v1")
public record OrganizationSuspended(OrganizationSnapshot organization, String reason) implements OrganizationEvent {
}

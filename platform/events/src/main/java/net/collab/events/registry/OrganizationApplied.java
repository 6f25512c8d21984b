package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.ORGANIZATIONS, type = "net.collab.organization.applied.v1")
public record OrganizationApplied(OrganizationSnapshot organization) implements OrganizationEvent {
}

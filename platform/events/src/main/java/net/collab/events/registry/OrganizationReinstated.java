package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.ORGANIZATIONS, type = "net.collab.organization.reinstated.v1")
public record OrganizationReinstated(OrganizationSnapshot organization) implements OrganizationEvent {
}

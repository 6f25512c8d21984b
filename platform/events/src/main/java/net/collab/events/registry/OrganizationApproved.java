package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.ORGANIZATIONS, type = "net.collab.organization.approved.v1")
public record OrganizationApproved(OrganizationSnapshot organization) implements OrganizationEvent {
}

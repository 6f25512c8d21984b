package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.ORGANIZATIONS, type = "net.collab.organization.rejected.v1")
public record OrganizationRejected(OrganizationSnapshot organization, String reason) implements OrganizationEvent {
}

package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.ORGANIZATIONS, type = "net.collab.organization.member-removed.v1")
public record MemberRemoved(OrganizationSnapshot organization, String subject) implements OrganizationEvent {
}

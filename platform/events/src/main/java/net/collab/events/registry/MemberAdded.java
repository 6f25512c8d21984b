package net.collab.events.registry;

import net.collab.events.EventContract;
import net.collab.events.Topics;

@EventContract(topic = Topics.ORGANIZATIONS, type = "net.collab.organization.member-added.v1")
public record MemberAdded(OrganizationSnapshot organization, OrganizationSnapshot.Member member) implements OrganizationEvent {
}

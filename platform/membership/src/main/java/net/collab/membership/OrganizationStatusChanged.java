package net.collab.membership;

import java.util.UUID;

import net.collab.events.Vocabulary.OrganizationStatus;

/**
 * A CDI event fired inside the consumer's transaction when the replica learns that an
 * organization's status changed ({@code from} is empty for an organization first heard of), so a
 * service can act on a suspension or a reinstatement in the same transaction.
 */
public record OrganizationStatusChanged(UUID organizationId, java.util.Optional<OrganizationStatus> from, OrganizationStatus to) {
}

package net.collab.registry.messaging;

import java.util.Comparator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import net.collab.events.registry.MemberAdded;
import net.collab.events.registry.MemberRemoved;
import net.collab.events.registry.OrganizationApplied;
import net.collab.events.registry.OrganizationApproved;
import net.collab.events.registry.OrganizationReinstated;
import net.collab.events.registry.OrganizationRejected;
import net.collab.events.registry.OrganizationSnapshot;
import net.collab.events.registry.OrganizationSuspended;
import net.collab.events.registry.OrganizationUpdated;
import net.collab.messaging.Outbox;
import net.collab.registry.domain.Member;
import net.collab.registry.domain.Organization;
import net.collab.registry.domain.OrganizationEvents;

/** Organization events go out through the outbox, in the transaction of the change. */
@ApplicationScoped
public class OutboxOrganizationEvents implements OrganizationEvents {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Override
    public void applied(Organization organization) {
        outbox.publish(new OrganizationApplied(snapshot(organization)));
    }

    @Override
    public void approved(Organization organization) {
        outbox.publish(new OrganizationApproved(snapshot(organization)));
    }

    @Override
    public void rejected(Organization organization, String reason) {
        outbox.publish(new OrganizationRejected(snapshot(organization), reason));
    }

    @Override
    public void updated(Organization organization) {
        outbox.publish(new OrganizationUpdated(snapshot(organization)));
    }

    @Override
    public void suspended(Organization organization, String reason) {
        outbox.publish(new OrganizationSuspended(snapshot(organization), reason));
    }

    @Override
    public void reinstated(Organization organization) {
        outbox.publish(new OrganizationReinstated(snapshot(organization)));
    }

    @Override
    public void memberAdded(Organization organization, Member member) {
        outbox.publish(new MemberAdded(snapshot(organization), new OrganizationSnapshot.Member(member.subject, member.role)));
    }

    @Override
    public void memberRemoved(Organization organization, String subject) {
        outbox.publish(new MemberRemoved(snapshot(organization), subject));
    }

    /**
     * The public state only: no contacts, no credit code, no members' e-mail. The sponsor only
     * once the hub has accepted (other services give it a say over the group). Flushed first, so
     * that the version is the one this change commits with: replicas keep the highest.
     */
    OrganizationSnapshot snapshot(Organization organization) {
        entityManager.flush();
        return new OrganizationSnapshot(organization.id(), organization.nameZh(), organization.nameEn(), organization.kind(),
                organization.status(), organization.serviceAreas(),
                organization.members().stream()
                        .sorted(Comparator.comparing(member -> member.subject))
                        .map(member -> new OrganizationSnapshot.Member(member.subject, member.role))
                        .toList(),
                organization.acceptedSponsor().orElse(null), (long) organization.version());
    }
}

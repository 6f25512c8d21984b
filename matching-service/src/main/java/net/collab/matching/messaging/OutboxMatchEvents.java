package net.collab.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.collab.events.matching.MatchAccepted;
import net.collab.events.matching.MatchCancelled;
import net.collab.events.matching.MatchConfirmed;
import net.collab.events.matching.MatchDeclined;
import net.collab.events.matching.MatchDelivered;
import net.collab.events.matching.MatchExpired;
import net.collab.events.matching.MatchProposed;
import net.collab.events.matching.NeedEscalated;
import net.collab.matching.domain.Delivery;
import net.collab.matching.domain.Match;
import net.collab.matching.domain.MatchEvents;
import net.collab.matching.domain.NeedReplica;
import net.collab.messaging.Outbox;

@ApplicationScoped
public class OutboxMatchEvents implements MatchEvents {

    @Inject
    Outbox outbox;

    @Override
    public void proposed(Match match, NeedReplica need) {
        outbox.publish(new MatchProposed(match.id(), match.needId(), match.offerId(), match.requesterOrganizationId(),
                match.providerOrganizationId(), need.category, need.item, match.quantity(), match.unit(), need.areaCode,
                match.explanation(), match.score()));
    }

    @Override
    public void accepted(Match match) {
        outbox.publish(new MatchAccepted(match.id(), match.needId(), match.offerId(), match.requesterOrganizationId(),
                match.providerOrganizationId(), match.quantity(), match.unit(), match.decidedAt()));
    }

    @Override
    public void declined(Match match) {
        outbox.publish(new MatchDeclined(match.id(), match.needId(), match.offerId(), match.requesterOrganizationId(),
                match.providerOrganizationId(), match.quantity(), match.unit(), match.declineReason(), match.decidedAt()));
    }

    @Override
    public void delivered(Match match, Delivery delivery) {
        outbox.publish(new MatchDelivered(match.id(), delivery.id(), match.needId(), match.offerId(),
                match.requesterOrganizationId(), match.providerOrganizationId(), delivery.quantity(), match.quantityDelivered(),
                match.quantity(), match.unit(), delivery.reportedAt()));
    }

    @Override
    public void cancelled(Match match) {
        outbox.publish(new MatchCancelled(match.id(), match.needId(), match.offerId(), match.requesterOrganizationId(),
                match.providerOrganizationId(), match.quantity(), match.unit(), match.cancelReason(), match.decidedAt()));
    }

    @Override
    public void expired(Match match) {
        outbox.publish(new MatchExpired(match.id(), match.needId(), match.offerId(), match.requesterOrganizationId(),
                match.providerOrganizationId(), match.quantity(), match.unit(), match.decidedAt()));
    }

    @Override
    public void escalated(NeedReplica need, java.time.OffsetDateTime at) {
        outbox.publish(new NeedEscalated(need.id, need.organizationId, need.category, need.item, need.uncovered(), need.unit,
                need.areaCode, need.postedAt, at));
    }

    @Override
    public void confirmed(Match match) {
        outbox.publish(new MatchConfirmed(match.id(), match.needId(), match.offerId(), match.requesterOrganizationId(),
                match.providerOrganizationId(), match.quantityDelivered(), match.unit(), match.confirmedAt()));
    }
}

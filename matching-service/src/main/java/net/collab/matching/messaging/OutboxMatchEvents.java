package net.collab.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.collab.events.matching.MatchProposed;
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
        outbox.publish(new MatchProposed(match.id, match.needId, match.offerId, match.requesterOrganizationId,
                match.providerOrganizationId, need.category, need.item, match.quantity, match.unit, need.areaCode,
                match.explanation));
    }
}

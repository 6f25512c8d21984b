package net.collab.action.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.action.domain.NeedsAndOffers;
import net.collab.events.matching.MatchAccepted;
import net.collab.events.matching.MatchCancelled;
import net.collab.events.matching.MatchConfirmed;
import net.collab.events.matching.MatchDeclined;
import net.collab.events.matching.MatchDelivered;
import net.collab.events.matching.MatchEvent;
import net.collab.events.matching.MatchExpired;
import net.collab.events.matching.NeedEscalated;
import net.collab.events.matching.MatchProposed;
import net.collab.messaging.IdempotentConsumer;

/** What matching did: a need's quantities and status follow its matches; accepted providers may read what they must deliver to. */
@ApplicationScoped
public class MatchingConsumer {

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    NeedsAndOffers needs;

    @Incoming("matches")
    @Blocking
    public void onMatchEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("matches", "matches", records, MatchEvent.class, (envelope, event) -> event.dispatchTo(matches));
    }

    private final MatchEvent.Handler matches = new MatchEvent.Handler() {
        @Override
        public void proposed(MatchProposed proposed) {
            needs.matchProposed(proposed.needId(), proposed.quantity());
        }

        @Override
        public void accepted(MatchAccepted accepted) {
            needs.matchAccepted(accepted.matchId(), accepted.needId(), accepted.providerOrganizationId(), accepted.acceptedAt());
        }

        @Override
        public void declined(MatchDeclined declined) {
            needs.matchDeclined(declined.needId(), declined.quantity());
        }

        @Override
        public void expired(MatchExpired expired) {
            needs.matchDeclined(expired.needId(), expired.quantity());
        }

        @Override
        public void escalated(NeedEscalated escalated) {
            // The coordinator's business: the need's status and quantities do not change.
        }

        @Override
        public void cancelled(MatchCancelled cancelled) {
            needs.matchCancelled(cancelled.matchId(), cancelled.needId(), cancelled.quantity());
        }

        @Override
        public void delivered(MatchDelivered delivered) {
            needs.matchDelivered(delivered.needId(), delivered.quantity());
        }

        @Override
        public void confirmed(MatchConfirmed confirmed) {
            needs.matchConfirmed(confirmed.matchId(), confirmed.needId(), confirmed.quantityReceived());
        }
    };
}

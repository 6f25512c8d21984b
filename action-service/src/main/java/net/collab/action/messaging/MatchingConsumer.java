package net.collab.action.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.action.domain.NeedsAndOffers;
import net.collab.events.matching.MatchEvent;
import net.collab.events.matching.MatchProposed;
import net.collab.messaging.IdempotentConsumer;

/** What matching did: a need's status on the public board follows its proposals. */
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
    };
}

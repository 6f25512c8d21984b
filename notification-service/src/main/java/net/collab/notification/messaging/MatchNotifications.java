package net.collab.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.matching.MatchProposed;
import net.collab.messaging.IdempotentConsumer;
import net.collab.notification.domain.Notifier;

/** Match events become inbox items for the organizations concerned. */
@ApplicationScoped
public class MatchNotifications {

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    Notifier notifier;

    @Incoming("matches")
    @Blocking
    public void onMatchEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("matches", "matches", records, event -> {
            if (event.data() instanceof MatchProposed proposed) {
                notifier.matchProposed(new Notifier.ProposedMatch(proposed.matchId(), proposed.needId(),
                        proposed.requesterOrganizationId(), proposed.providerOrganizationId(), proposed.item(),
                        proposed.quantity().toPlainString(), proposed.unit(), proposed.areaCode(), proposed.explanation()));
            }
        });
    }
}

package net.collab.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.EventCodec;

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
    @Retry(maxRetries = 4, delay = 500, jitter = 200, abortOn = EventCodec.MalformedEventException.class)
    public void onMatchEvent(ConsumerRecord<String, String> record) {
        idempotentConsumer.handleOnce("matches", record, event -> {
            if (event.data() instanceof MatchProposed proposed) {
                notifier.matchProposed(new Notifier.ProposedMatch(proposed.matchId(), proposed.needId(),
                        proposed.requesterOrganizationId(), proposed.providerOrganizationId(), proposed.item(),
                        proposed.quantity().toPlainString(), proposed.unit(), proposed.areaCode(), proposed.explanation()));
            }
        });
    }
}

package net.collab.action.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Needs whose deadline passed while still sought expire, every few seconds (collabnet.needs.expiry-interval). */
@ApplicationScoped
public class NeedExpiry {

    private static final int BATCH = 500;

    @Inject
    NeedsAndOffers needs;

    @Scheduled(every = "${collabnet.needs.expiry-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while shutting down
    void expireDue() {
        while (needs.expireDue(BATCH) == BATCH) {
            // a full batch: there may be more
        }
    }
}

package net.collab.matching.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Every collabnet.matching.sweep-interval: proposals nobody answered in time expire, and needs that
 * wait too long are escalated to the coordinator, a batch at a time.
 */
@ApplicationScoped
public class MatchSweeper {

    private static final int BATCH = 200;

    @Inject
    Matcher matcher;

    @Scheduled(every = "${collabnet.matching.sweep-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while shutting down
    void sweep() {
        while (matcher.expireDue(BATCH) == BATCH) {
            // a full batch: there may be more
        }
        while (matcher.escalateDue(BATCH) == BATCH) {
            // same
        }
    }
}

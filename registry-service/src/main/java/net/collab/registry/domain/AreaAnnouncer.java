package net.collab.registry.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells the network of areas it has not heard of as they are (seeded, imported, renamed): an
 * {@code AreaDefined} per area, a few thousand per transaction so that a national import (665,276
 * areas) goes out in bounded steps rather than one giant transaction. Parents are taken first, but
 * consumers must not rely on any order (keys spread over partitions).
 */
@ApplicationScoped
public class AreaAnnouncer {

    private static final Logger LOG = Logger.getLogger(AreaAnnouncer.class);
    static final int BATCH = 2000;

    @Inject
    AreaEvents events;

    @Scheduled(every = "${collabnet.areas.announce-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while shutting down
    void announcePending() {
        int announced = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::announceBatch);
            announced += batch;
        } while (batch == BATCH);
        if (announced > 0) {
            LOG.infof("announced %d areas to the network", announced);
        }
    }

    /** Announces up to {@link #BATCH} areas in one transaction; another instance skips the rows this one holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    int announceBatch() {
        List<Area> pending = Area.<Area>find("announced = false order by length(code), code")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                // -2: Hibernate's "skip locked" timeout; another instance announcing at once takes other rows
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, BATCH).list();
        for (Area area : pending) {
            events.defined(area);
            area.announced = true;
        }
        return pending.size();
    }
}

package net.collab.notification.domain;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import net.collab.notification.config.NotificationSettings;

/**
 * Sends the e-mail deliveries due, a claimed batch at a time, on one thread of its own: woken when a
 * delivery is written, and every {@link NotificationSettings#dispatchInterval} for retries that came due.
 * Each send is recorded in its own transaction after the server answered: a crash between the two
 * sends that e-mail again once the claim lapses (at least once on the wire; the delivery id in the
 * {@code X-Collabnet-Delivery-Id} header lets a receiver drop the copy).
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    @Inject
    Deliveries deliveries;

    @Inject
    EmailSender sender;

    @Inject
    NotificationSettings settings;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "email-dispatcher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    /** Sends what is due soon, on the dispatcher's thread; a wake-up while one is queued adds nothing. */
    public void wakeUp() {
        if (!stopping && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    @Scheduled(every = "${collabnet.notifications.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wakeUp();
    }

    private void drain() {
        Deliveries.Claim claim;
        do {
            try {
                claim = deliveries.claimDue(Delivery.Channel.EMAIL, settings.dispatchBatch());
            } catch (RuntimeException e) {
                LOG.warnf("sending e-mails paused until the next round: %s", e.getMessage()); // e.g. the database is away
                return;
            }
            for (UUID deliveryId : claim.ids()) {
                try {
                    sendOne(deliveryId, claim.token());
                } catch (RuntimeException e) {
                    // This one waits for its claim to lapse and is tried again; the others of the batch go on.
                    LOG.warnf("e-mail delivery %s is tried again later: %s", deliveryId, Deliveries.withoutAddresses(e.getMessage()));
                }
            }
        } while (!stopping && claim.ids().size() == settings.dispatchBatch());
    }

    private void sendOne(UUID deliveryId, UUID claim) {
        Deliveries.Prepared prepared = deliveries.prepare(deliveryId, claim);
        if (prepared.email().isEmpty()) {
            if (prepared.notSent() != null) {
                deliveries.skipped(deliveryId, claim, prepared.notSent());
            }
            return; // or another sender holds it now
        }
        try {
            sender.send(prepared.email().get());
        } catch (Exception e) {
            String error = Deliveries.withoutAddresses(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.infof("e-mail delivery %s failed, will retry or give up: %s", deliveryId, error);
            deliveries.failed(deliveryId, claim, error);
            return;
        }
        deliveries.sent(deliveryId, claim);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdown();
    }
}

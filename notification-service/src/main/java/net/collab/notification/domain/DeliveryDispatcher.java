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
 * Sends the deliveries due — e-mails, then webhook calls — a claimed batch at a time, on one thread
 * of its own: woken when a delivery is written, and every {@link NotificationSettings#dispatchInterval}
 * for retries that came due. Each send is recorded in its own transaction after the other side
 * answered: a crash between the two sends it again once the claim lapses (at least once on the wire;
 * the delivery id — the e-mail's {@code X-Collabnet-Delivery-Id}, the webhook call's CloudEvents
 * {@code id} — lets a receiver drop the copy).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    @Inject
    Deliveries deliveries;

    @Inject
    EmailSender emailSender;

    @Inject
    WebhookSender webhookSender;

    @Inject
    NotificationSettings settings;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delivery-dispatcher");
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
        for (Delivery.Channel channel : Delivery.Channel.values()) {
            Deliveries.Claim claim;
            do {
                try {
                    claim = deliveries.claimDue(channel, settings.dispatchBatch());
                } catch (RuntimeException e) {
                    LOG.warnf("sending paused until the next round: %s", e.getMessage()); // e.g. the database is away
                    return;
                }
                for (UUID deliveryId : claim.ids()) {
                    try {
                        sendOne(deliveryId, claim.token());
                    } catch (RuntimeException e) {
                        // This one waits for its claim to lapse and is tried again; the others of the batch go on.
                        LOG.warnf("delivery %s is tried again later: %s", deliveryId, Deliveries.withoutAddresses(e.getMessage()));
                    }
                }
            } while (!stopping && claim.ids().size() == settings.dispatchBatch());
        }
    }

    private void sendOne(UUID deliveryId, UUID claim) {
        Deliveries.Prepared prepared = deliveries.prepare(deliveryId, claim);
        if (prepared.refused() != null) {
            deliveries.refused(deliveryId, claim, prepared.refused());
            return;
        }
        if (prepared.email().isEmpty() && prepared.call().isEmpty()) {
            if (prepared.notSent() != null) {
                deliveries.skipped(deliveryId, claim, prepared.notSent());
            }
            return; // or another sender holds it now
        }
        String error;
        try {
            error = prepared.email().isPresent() ? send(prepared.email().get()) : call(prepared.call().get());
        } catch (Exception e) {
            error = Deliveries.withoutAddresses(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (error != null) {
            LOG.infof("delivery %s failed, will retry or give up: %s", deliveryId, error);
            deliveries.failed(deliveryId, claim, error);
        } else {
            deliveries.sent(deliveryId, claim);
        }
    }

    private String send(EmailSender.Email email) throws Exception {
        emailSender.send(email);
        return null;
    }

    /** @return null when the receiver answered 2xx, else what it answered */
    private String call(WebhookSender.Call call) throws Exception {
        int status = webhookSender.post(call);
        return status >= 200 && status < 300 ? null : "HTTP " + status + " from the receiver";
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdown();
    }
}

package net.collab.notification.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The live stream of each signed-in person's new items. A subscriber is told every item of their
 * audiences with a position ({@code seq}) after the last one it was sent: at once when an item is
 * written by this instance (woken after the commit), within a second when another instance wrote it.
 * Positions are handed out at insert, so an item may commit after one with a later position: the
 * feed also re-reads the last few seconds and sends what it has not sent yet, so nothing is lost.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    /** How far back the feed re-reads for items that committed after items with later positions. */
    private static final int LATE_COMMIT_SECONDS = 5;

    @Inject
    EntityManager entityManager;

    @Inject
    People people;

    /** One open stream. */
    public static final class Subscription {
        private final String subject;
        private final Consumer<InboxItem> send;
        private final java.util.function.BooleanSupplier closed;
        private volatile long last;
        private final Set<UUID> recentlySent = ConcurrentHashMap.newKeySet();

        Subscription(String subject, long last, Consumer<InboxItem> send, java.util.function.BooleanSupplier closed) {
            this.subject = subject;
            this.last = last;
            this.send = send;
            this.closed = closed;
        }
    }

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * Sends the person, from now on, each new item of theirs with a position after {@code after}
     * (the stream's Last-Event-ID when it resumes; null: only what comes from now on), until
     * {@code closed} says the stream is gone.
     */
    public void subscribe(Person person, Long after, Consumer<InboxItem> send, java.util.function.BooleanSupplier closed) {
        long from = after != null ? after : QuarkusTransaction.requiringNew().call(() -> latest(person));
        Subscription subscription = new Subscription(person.subject, from, send, closed);
        subscriptions.add(subscription);
        if (started.compareAndSet(false, true)) {
            ticker.scheduleWithFixedDelay(this::wakeUp, 1, 1, TimeUnit.SECONDS);
        }
        wakeUp();
    }

    /** Looks for new items for every open stream, on the feed's thread. */
    public void wakeUp() {
        if (!subscriptions.isEmpty() && queued.compareAndSet(false, true)) {
            ticker.execute(() -> {
                queued.set(false);
                for (Subscription subscription : subscriptions) {
                    try {
                        feed(subscription);
                    } catch (RuntimeException e) {
                        LOG.debugf("stream of %s waits for the next round: %s", subscription.subject, e.getMessage());
                    }
                }
            });
        }
    }

    private void feed(Subscription subscription) {
        if (subscription.closed.getAsBoolean()) {
            subscriptions.remove(subscription);
            return;
        }
        List<InboxItem> items = QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.findById(subscription.subject);
            if (person == null) {
                return List.<InboxItem>of();
            }
            return InboxItem.<InboxItem>list("""
                    from InboxItem item where item.audience in ?1
                        and (item.seq > ?2 or (item.seq > ?2 - 1000 and item.createdAt > ?3)) order by item.seq""",
                    people.audiencesOf(person), subscription.last,
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(LATE_COMMIT_SECONDS));
        });
        for (InboxItem item : items) {
            if (subscription.recentlySent.add(item.id)) {
                subscription.send.accept(item);
            }
            subscription.last = Math.max(subscription.last, item.seq);
        }
        if (subscription.recentlySent.size() > 10_000) {
            subscription.recentlySent.clear(); // a long-lived stream: the window is seconds, not the whole history
        }
    }

    private long latest(Person person) {
        Object latest = entityManager.createQuery("select max(item.seq) from InboxItem item where item.audience in ?1")
                .setParameter(1, people.audiencesOf(person)).getSingleResult();
        return latest == null ? 0 : ((Number) latest).longValue();
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}

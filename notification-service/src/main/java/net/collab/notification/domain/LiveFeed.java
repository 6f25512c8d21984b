package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The live stream of each signed-in person's new items. One reader follows the inbox for all open
 * streams: it reads the items committed since its last read (woken after each commit of this
 * instance, every second for the others') and hands each to the streams of its audience, so a
 * read costs what is new, however many streams are open.
 * <p>
 * Positions ({@code seq}) are handed out at insert, so an item may commit after one with a later
 * position. The reader notes the positions it skipped and looks for them again for a few seconds:
 * an item that commits late is still sent; a position that never commits (a rolled-back insert,
 * a duplicate the database refused) is forgotten.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    /** How long a skipped position is looked for again: a transaction that commits later than this is rare. */
    private static final long LATE_COMMIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** At most this many items per read: a reader behind catches up in steps. */
    private static final int READ_AT_MOST = 1000;
    /** How often a stream's audiences are looked up again (the person joined or left an organization). */
    private static final long AUDIENCES_FRESH_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Inject
    EntityManager entityManager;

    @Inject
    People people;

    /** One open stream. Touched only on the feed's thread. */
    public static final class Subscription {
        private final String subject;
        private final Consumer<InboxItem> send;
        private final BooleanSupplier closed;
        private Set<String> audiences = Set.of();
        private long audiencesRead;
        private long last;
        private final Set<UUID> recentlySent = new HashSet<>();

        Subscription(String subject, Consumer<InboxItem> send, BooleanSupplier closed) {
            this.subject = subject;
            this.send = send;
            this.closed = closed;
        }

        private void offer(InboxItem item, boolean late) {
            // New to the stream, or committed late: sent once (the recent ids tell).
            if ((item.seq > last || late) && audiences.contains(item.audience) && recentlySent.add(item.id)) {
                send.accept(item);
            }
            last = Math.max(last, item.seq);
            if (recentlySent.size() > 10_000) {
                recentlySent.clear(); // a long-lived stream: lateness is seconds, not the whole history
            }
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
    /** The last position read; -1 while no stream is open. Touched only on the feed's thread. */
    private long cursor = -1;
    /** Positions skipped by a read, with when: they may still commit. */
    private final Map<Long, Long> skipped = new LinkedHashMap<>();

    /**
     * Sends the person, from now on, each new item of theirs with a position after {@code after}
     * (the stream's Last-Event-ID when it resumes; null: only what comes from now on), until
     * {@code closed} says the stream is gone; {@code giveUp} closes a stream that could not open.
     */
    public void subscribe(Person person, Long after, Consumer<InboxItem> send, BooleanSupplier closed, Runnable giveUp) {
        Subscription subscription = new Subscription(person.subject, send, closed);
        // "From now on" is decided now, before the caller hears that the stream is open.
        long fromNow = after != null ? after : QuarkusTransaction.requiringNew().call(() -> latest(Set.copyOf(people.audiencesOf(person))));
        if (started.compareAndSet(false, true)) {
            ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        }
        // On the feed's thread, like every read: what the stream catches up on is sent before anything newer.
        ticker.execute(() -> {
            try {
                open(subscription, fromNow, after != null);
            } catch (RuntimeException e) {
                LOG.warnf("stream of %s could not open: %s", subscription.subject, e.getMessage());
                giveUp.run(); // the browser reconnects
            }
        });
    }

    /** Looks for new items for every open stream, on the feed's thread. */
    public void wakeUp() {
        if (!subscriptions.isEmpty() && queued.compareAndSet(false, true)) {
            ticker.execute(() -> {
                queued.set(false);
                readSafely();
            });
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (Subscription subscription : subscriptions) {
            if (now - subscription.audiencesRead > AUDIENCES_FRESH_NANOS) {
                try {
                    subscription.audiences = audiencesOf(subscription.subject);
                    subscription.audiencesRead = now;
                } catch (RuntimeException e) {
                    LOG.debugf("audiences of %s stay as they were until the next round: %s", subscription.subject, e.getMessage());
                }
            }
        }
        readSafely();
    }

    private void readSafely() {
        try {
            read();
        } catch (RuntimeException e) {
            LOG.debugf("the live feed reads again at the next round: %s", e.getMessage());
        }
    }

    private void open(Subscription subscription, long after, boolean resuming) {
        subscription.audiences = audiencesOf(subscription.subject);
        subscription.audiencesRead = System.nanoTime();
        if (cursor < 0) {
            start();
        }
        // What committed since the stream was asked for; when resuming, also what committed late just before it.
        List<InboxItem> missed = subscription.audiences.isEmpty() ? List.of() : QuarkusTransaction.requiringNew().call(() -> resuming
                ? InboxItem.<InboxItem>list("""
                        from InboxItem item where item.audience in ?1
                            and (item.seq > ?2 or (item.seq > ?2 - 1000 and item.createdAt > ?3)) order by item.seq""",
                        subscription.audiences, after, OffsetDateTime.now(ZoneOffset.UTC).minusNanos(LATE_COMMIT_NANOS))
                : InboxItem.<InboxItem>list("from InboxItem item where item.audience in ?1 and item.seq > ?2 order by item.seq",
                        subscription.audiences, after));
        for (InboxItem item : missed) {
            if (subscription.recentlySent.add(item.id)) {
                subscription.send.accept(item);
            }
        }
        // From here the reader's items are new to the stream if they come after what it read so far;
        // those it sent above come again from the reader at most, and are recognized.
        subscription.last = Math.max(after, cursor);
        subscriptions.add(subscription);
    }

    /**
     * The first stream opens: the reader starts at the newest position, and looks again at the
     * positions just below it that are not there yet (their transactions may still commit).
     */
    private void start() {
        List<Long> recent = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select item.seq from InboxItem item where item.seq > (select coalesce(max(i.seq), 0) - 1000 from InboxItem i)"
                        + " order by item.seq", Long.class).getResultList());
        long now = System.nanoTime();
        skipped.clear();
        if (!recent.isEmpty()) {
            Set<Long> present = new HashSet<>(recent);
            for (long position = recent.get(0); position < recent.get(recent.size() - 1); position++) {
                if (!present.contains(position)) {
                    skipped.put(position, now);
                }
            }
        }
        cursor = recent.isEmpty() ? 0 : recent.get(recent.size() - 1);
    }

    private void read() {
        subscriptions.removeIf(subscription -> subscription.closed.getAsBoolean());
        if (subscriptions.isEmpty()) {
            cursor = -1; // the next stream starts afresh
            skipped.clear();
            return;
        }
        long now = System.nanoTime();
        skipped.values().removeIf(noticed -> now - noticed > LATE_COMMIT_NANOS);
        List<InboxItem> items;
        do {
            List<Long> lookAgain = new ArrayList<>(skipped.keySet());
            long from = cursor;
            items = QuarkusTransaction.requiringNew().call(() -> (lookAgain.isEmpty()
                    ? InboxItem.<InboxItem>find("from InboxItem item where item.seq > ?1 order by item.seq", from)
                    : InboxItem.<InboxItem>find("from InboxItem item where item.seq > ?1 or item.seq in ?2 order by item.seq", from,
                            lookAgain))
                    .page(0, READ_AT_MOST).list());
            for (InboxItem item : items) {
                boolean late = skipped.remove(item.seq) != null;
                if (!late) {
                    // A jump (the sequence's cache after a crash) is not waited for position by position.
                    for (long position = Math.max(cursor + 1, item.seq - 10_000); position < item.seq; position++) {
                        skipped.put(position, now);
                    }
                    cursor = item.seq;
                }
                for (Subscription subscription : subscriptions) {
                    subscription.offer(item, late);
                }
            }
            if (skipped.size() > 100_000) { // a burst of refused inserts: forget the oldest
                Iterator<Long> oldest = skipped.keySet().iterator();
                while (skipped.size() > 50_000) {
                    oldest.next();
                    oldest.remove();
                }
            }
        } while (items.size() == READ_AT_MOST);
    }

    private Set<String> audiencesOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.findById(subject);
            return person == null ? Set.<String>of() : Set.copyOf(people.audiencesOf(person));
        });
    }

    private long latest(Set<String> audiences) {
        if (audiences.isEmpty()) {
            return 0;
        }
        Object latest = entityManager.createQuery("select max(item.seq) from InboxItem item where item.audience in ?1")
                .setParameter(1, audiences).getSingleResult();
        return latest == null ? 0 : ((Number) latest).longValue();
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}

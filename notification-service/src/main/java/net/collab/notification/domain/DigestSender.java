package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import net.collab.events.notification.NotificationDelivered;
import net.collab.events.notification.NotificationFailed;
import net.collab.messaging.Outbox;
import net.collab.notification.config.NotificationSettings;

/**
 * Once a day ({@code collabnet.notifications.digest.cron}, 18:00 in China by default), each person
 * with news waiting for the digest gets one e-mail listing it, newest last. One person at a time, in
 * one transaction that holds their waiting deliveries (skip locked: two instances never send one
 * person two digests); a crash after the server took the e-mail sends it again next time.
 */
@ApplicationScoped
public class DigestSender {

    private static final Logger LOG = Logger.getLogger(DigestSender.class);

    @Inject
    EntityManager entityManager;

    @Inject
    EmailSender sender;

    @Inject
    Outbox outbox;

    @Inject
    NotificationSettings settings;

    @Inject
    People people;

    @Scheduled(cron = "${collabnet.notifications.digest.cron:0 0 18 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDigests() {
        List<?> waiting = entityManager.createNativeQuery("select distinct recipient from delivery where status = 'DIGEST'")
                .getResultList();
        for (Object subject : waiting) {
            try {
                sendDigest((String) subject);
            } catch (RuntimeException e) {
                LOG.warnf("the digest of %s waits for the next round: %s", subject, Deliveries.withoutAddresses(e.getMessage()));
            }
        }
    }

    /** @return how many items the person's digest listed (0: nothing to send, or another instance is sending it) */
    @Transactional
    public int sendDigest(String subject) {
        List<Delivery> waiting = Delivery.<Delivery>find("recipient = ?1 and status = ?2 order by createdAt", subject,
                Delivery.Status.DIGEST).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // skip locked
                .list();
        if (waiting.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Person person = Person.findById(subject);
        if (person == null || person.email == null) {
            waiting.forEach(delivery -> skip(delivery, "收件人已无电子邮件地址 the recipient has no e-mail address any more", now));
            return 0;
        }
        // Only what the person is still entitled to: someone who left the organization since is not sent its news.
        List<String> audiences = people.audiencesOf(person);
        List<Delivery> listed = new java.util.ArrayList<>();
        boolean english = person.english();
        StringBuilder text = new StringBuilder(english ? "What happened in the network that concerns you:\n"
                : "协作网络中与您相关的消息 What happened in the network that concerns you:\n");
        for (Delivery delivery : waiting) {
            InboxItem item = InboxItem.findById(delivery.itemId);
            if (item == null || !audiences.contains(item.audience)) {
                skip(delivery, "收件人已不属于该通知的对象 the recipient is no longer among those it is for", now);
                continue;
            }
            text.append("\n• ").append(item.title(english)).append('\n').append(item.body(english)).append('\n');
            listed.add(delivery);
        }
        if (listed.isEmpty()) {
            return 0;
        }
        text.append(english ? "\n—\nYour inbox: " : "\n—\n收件箱 Your inbox: ").append(settings.email().inboxLink());
        String title = english ? "Daily digest: " + listed.size() + " notifications" : "每日摘要：" + listed.size() + " 条通知 Daily digest";
        UUID digestId = UUID.randomUUID();
        listed.forEach(delivery -> delivery.attempts++);
        try {
            sender.send(new EmailSender.Email(person.email, title, text.toString(), digestId.toString(), digestId.toString()));
        } catch (Exception e) {
            String error = Deliveries.withoutAddresses(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.infof("the digest of %s waits for the next one: %s", subject, error);
            for (Delivery delivery : listed) {
                delivery.lastError = error;
                if (delivery.attempts >= settings.retry().maxAttempts()) { // a digest a day: gives up after as many days
                    delivery.status = Delivery.Status.DEAD;
                    outbox.publish(new NotificationFailed(delivery.id, delivery.itemId, kindOf(delivery), delivery.channel.name(),
                            delivery.recipient, delivery.attempts, error, now));
                }
            }
            return 0;
        }
        for (Delivery delivery : listed) {
            delivery.sent(now);
            outbox.publish(new NotificationDelivered(delivery.id, delivery.itemId, kindOf(delivery), delivery.channel.name(),
                    delivery.recipient, delivery.attempts, now));
        }
        return listed.size();
    }

    private void skip(Delivery delivery, String reason, OffsetDateTime now) {
        delivery.skipped(reason);
        outbox.publish(new NotificationFailed(delivery.id, delivery.itemId, kindOf(delivery), delivery.channel.name(),
                delivery.recipient, delivery.attempts, reason, now));
    }

    private static String kindOf(Delivery delivery) {
        InboxItem item = InboxItem.findById(delivery.itemId);
        return item == null ? null : item.kind;
    }
}

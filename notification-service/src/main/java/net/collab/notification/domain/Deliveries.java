package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import net.collab.events.notification.NotificationDelivered;
import net.collab.events.notification.NotificationFailed;
import net.collab.messaging.AfterCommit;
import net.collab.messaging.Outbox;
import net.collab.notification.config.NotificationSettings;

/**
 * The sends of each item over the channels that leave the service: written with the item (one
 * transaction), claimed by a sender for a while, and ended as sent or dead with an event on
 * {@code notification.deliveries.v1} in the same transaction as the new state.
 */
@ApplicationScoped
public class Deliveries {

    private static final Object WAKE_UP_REGISTERED = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    NotificationSettings settings;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    People people;

    @Inject
    WebhookTargets targets;

    @Inject
    Notifier notifier;

    /**
     * One e-mail delivery per person of the audience who wants this kind by e-mail: at once (PENDING),
     * in the digest (DIGEST), or noted as impossible when no address is known (SKIPPED); nothing for
     * those who turned the kind off. Only people the service knows (who have used it) are reached.
     * And one call per webhook of an organization audience that takes the kind.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fanOut(UUID itemId, Audience audience, NotificationKind kind) {
        String whom;
        Object who;
        if (audience instanceof Audience.Organization organization) {
            whom = "p.subject in (select subject from organization_member_replica where organization_id = ?4)";
            who = organization.id();
        } else if (audience instanceof Audience.Role role) {
            whom = "p.coordinator and ?4 = 'coordinator'"; // the one role the network knows
            who = role.name();
        } else {
            whom = "p.subject = ?4";
            who = ((Audience.Person) audience).subject();
        }
        int written = entityManager.createNativeQuery("""
                insert into delivery (id, item_id, channel, recipient, status, next_attempt_at, last_error, created_at)
                select gen_random_uuid(), ?1, 'EMAIL', p.subject,
                    case when p.email is null then 'SKIPPED' when coalesce(choice.email, ?3) = 'DIGEST' then 'DIGEST' else 'PENDING' end,
                    now(), case when p.email is null then '没有电子邮件地址 no e-mail address known' end, now()
                from person p left join preference choice on choice.subject = p.subject and choice.kind = ?2
                where coalesce(choice.email, ?3) <> 'OFF' and\s""" + whom + """

                on conflict (item_id, channel, recipient) do nothing""")
                .setParameter(1, itemId).setParameter(2, kind.name()).setParameter(3, kind.defaultEmailMode().name())
                .setParameter(4, who).executeUpdate();
        if (audience instanceof Audience.Organization organization && kind != NotificationKind.WEBHOOK_FAILED) {
            // The organization's webhooks that take this kind (a failing webhook's own news goes by inbox and e-mail only).
            written += entityManager.createNativeQuery("""
                    insert into delivery (id, item_id, channel, recipient, status, next_attempt_at, created_at)
                    select gen_random_uuid(), ?1, 'WEBHOOK', cast(w.id as varchar), 'PENDING', now(), now()
                    from webhook w where w.organization_id = ?2 and w.active
                        and (w.kinds is null or ?3 = any(string_to_array(w.kinds, ',')))
                    on conflict (item_id, channel, recipient) do nothing""")
                    .setParameter(1, itemId).setParameter(2, organization.id()).setParameter(3, kind.name()).executeUpdate();
        }
        if (written > 0) {
            wakeSendersAfterCommit();
        }
    }

    /** Deliveries one sender claimed, and the claim that lets it (alone) record how each went. */
    public record Claim(UUID token, List<UUID> ids) {
    }

    /** Claims deliveries due on the channel for {@link NotificationSettings#claimFor}, counting the attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claimDue(Delivery.Channel channel, int batch) {
        UUID token = UUID.randomUUID();
        // Skip locked: two instances claiming at once take different rows.
        List<?> ids = entityManager.createNativeQuery("""
                update delivery set claimed_until = now() + cast(?3 as interval), claimed_by = ?4, attempts = attempts + 1
                where id in (select id from delivery where status = 'PENDING' and channel = ?1 and next_attempt_at <= now()
                    and (claimed_until is null or claimed_until < now())
                    order by next_attempt_at limit ?2 for update skip locked)
                returning id""")
                .setParameter(1, channel.name()).setParameter(2, batch).setParameter(3, settings.claimFor().toMillis() + " milliseconds")
                .setParameter(4, token).getResultList();
        return new Claim(token, ids.stream().map(UUID.class::cast).toList());
    }

    /**
     * What a delivery sends now, with the claim renewed for the send; or why it is not sent: the claim
     * was lost (another sender has it: nothing to record), there is no one (any more) to send it to
     * ({@code notSent}: SKIPPED), or the target may never be called ({@code refused}: DEAD).
     */
    public record Prepared(Optional<EmailSender.Email> email, Optional<WebhookSender.Call> call, String notSent, String refused) {
        static Prepared lost() {
            return new Prepared(Optional.empty(), Optional.empty(), null, null);
        }

        static Prepared notSent(String why) {
            return new Prepared(Optional.empty(), Optional.empty(), why, null);
        }
    }

    @Transactional
    public Prepared prepare(UUID deliveryId, UUID claim) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || !delivery.claimedBy(claim)) {
            return Prepared.lost();
        }
        delivery.claimedUntil = OffsetDateTime.now(ZoneOffset.UTC).plus(settings.claimFor()); // this send has the whole lease
        InboxItem item = InboxItem.findById(delivery.itemId);
        if (item == null) {
            return Prepared.notSent("通知已不存在 the notification is gone");
        }
        return delivery.channel == Delivery.Channel.WEBHOOK ? webhookCall(delivery, item) : email(delivery, item);
    }

    private Prepared email(Delivery delivery, InboxItem item) {
        Person person = Person.findById(delivery.recipient);
        if (person == null || person.email == null) {
            return Prepared.notSent("收件人已无电子邮件地址 the recipient has no e-mail address any more");
        }
        if (!people.audiencesOf(person).contains(item.audience)) {
            return Prepared.notSent("收件人已不属于该通知的对象 the recipient is no longer among those it is for");
        }
        boolean english = person.english();
        String footer = english
                ? "\n\n—\nCollaboration network. Your inbox: " + settings.email().inboxLink()
                        + "\nYou receive this as a member of the organization concerned; choose what reaches you by e-mail in your"
                        + " notification preferences.\nNotification " + item.id
                : "\n\n—\n协作网络 Collaboration network。收件箱：" + settings.email().inboxLink()
                        + "\n您作为相关组织的成员收到此邮件；可在通知偏好中选择哪些消息通过电子邮件发送。\n通知编号 " + item.id;
        return new Prepared(Optional.of(new EmailSender.Email(person.email, item.title(english), item.body(english) + footer,
                delivery.id.toString(), item.id.toString())), Optional.empty(), null, null);
    }

    private Prepared webhookCall(Delivery delivery, InboxItem item) {
        Webhook webhook = Webhook.findById(UUID.fromString(delivery.recipient));
        if (webhook == null || !webhook.active) {
            return Prepared.notSent("网络钩子已删除 the webhook was removed");
        }
        String refusal = targets.refusal(webhook.url); // again: what the name resolves to may have changed
        if (refusal != null) {
            return new Prepared(Optional.empty(), Optional.empty(), null, refusal);
        }
        String body = Webhooks.body(delivery.id, item);
        long timestamp = OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond();
        return new Prepared(Optional.empty(), Optional.of(new WebhookSender.Call(webhook.url, body, java.util.Map.of(
                Webhooks.WEBHOOK_HEADER, webhook.id.toString(),
                Webhooks.TIMESTAMP_HEADER, Long.toString(timestamp),
                Webhooks.SIGNATURE_HEADER, Webhooks.signature(webhook.secret, timestamp, body)))), null, null);
    }

    /** The other side took it: SENT, and NotificationDelivered (unless the claim was lost meanwhile). */
    @Transactional
    public void sent(UUID deliveryId, UUID claim) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || !delivery.claimedBy(claim)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        delivery.sent(now);
        outbox.publish(new NotificationDelivered(delivery.id, delivery.itemId, kindOf(delivery), delivery.channel.name(),
                delivery.recipient, delivery.attempts, now));
    }

    /** This attempt failed: retried later, or dead after the last (NotificationFailed). */
    @Transactional
    public void failed(UUID deliveryId, UUID claim, String error) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || !delivery.claimedBy(claim)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        NotificationSettings.Retry retry = settings.retry();
        if (delivery.failed(withoutAddresses(error), now, retry.maxAttempts(), retry.initialDelay(), retry.maxDelay())) {
            dead(delivery, now);
        }
    }

    /** The target may never be called (a private address): DEAD at once. */
    @Transactional
    public void refused(UUID deliveryId, UUID claim, String reason) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || !delivery.claimedBy(claim)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        delivery.failed(reason, now, 0, settings.retry().initialDelay(), settings.retry().maxDelay());
        dead(delivery, now);
    }

    /** NotificationFailed; a webhook's organization is also told, by inbox and e-mail, that its webhook failed. */
    private void dead(Delivery delivery, OffsetDateTime now) {
        published(delivery, now);
        if (delivery.channel == Delivery.Channel.WEBHOOK) {
            Webhook webhook = Webhook.findById(UUID.fromString(delivery.recipient));
            InboxItem item = InboxItem.findById(delivery.itemId);
            if (webhook != null && item != null) {
                notifier.webhookFailed(webhook, delivery, item.kind);
            }
        }
    }

    /** There is nothing to send it to, or nobody entitled: SKIPPED, and NotificationFailed with the reason. */
    @Transactional
    public void skipped(UUID deliveryId, UUID claim, String reason) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || !delivery.claimedBy(claim)) {
            return;
        }
        delivery.skipped(reason);
        published(delivery, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** One line of the delivery log: a send, what it was about, and how it went. */
    public record Entry(Delivery delivery, String kind) {
    }

    /** The delivery log, newest first; only one status or channel if asked. */
    @Transactional
    public net.collab.domain.Slice<Entry> log(Optional<Delivery.Status> status, Optional<Delivery.Channel> channel, int page, int size) {
        io.quarkus.panache.common.Parameters parameters = new io.quarkus.panache.common.Parameters();
        List<String> conditions = new java.util.ArrayList<>();
        status.ifPresent(value -> {
            conditions.add("status = :status");
            parameters.and("status", value);
        });
        channel.ifPresent(value -> {
            conditions.add("channel = :channel");
            parameters.and("channel", value);
        });
        var query = Delivery.<Delivery>find(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions),
                io.quarkus.panache.common.Sort.descending("createdAt").and("id"), parameters);
        List<Delivery> deliveries = query.page(page, size).list();
        java.util.Map<UUID, String> kinds = new java.util.HashMap<>();
        if (!deliveries.isEmpty()) {
            InboxItem.<InboxItem>list("id in ?1", deliveries.stream().map(delivery -> delivery.itemId).distinct().toList())
                    .forEach(item -> kinds.put(item.id, item.kind));
        }
        return new net.collab.domain.Slice<>(deliveries.stream().map(delivery -> new Entry(delivery, kinds.get(delivery.itemId)))
                .toList(), query.count());
    }

    /**
     * A dead delivery is tried again from now, with all its attempts (the coordinator's replay, once
     * the cause is fixed). @return empty if there is no such delivery
     * @throws net.collab.domain.Refusal.Conflict if it is not dead
     */
    @Transactional
    public Optional<Entry> retry(UUID deliveryId) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null) {
            return Optional.empty();
        }
        delivery.retry(OffsetDateTime.now(ZoneOffset.UTC));
        wakeSendersAfterCommit();
        return Optional.of(new Entry(delivery, kindOf(delivery)));
    }

    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

    /**
     * A server's error may quote the address (550 5.1.1 &lt;x@y&gt;: recipient rejected); the reason is
     * logged, travels on a topic and is shown to the coordinator, so every address in it, in any script,
     * becomes {@code <address>}.
     */
    public static String withoutAddresses(String error) {
        return error == null ? null : ADDRESS.matcher(error).replaceAll("<address>");
    }

    private void published(Delivery delivery, OffsetDateTime now) {
        outbox.publish(new NotificationFailed(delivery.id, delivery.itemId, kindOf(delivery), delivery.channel.name(),
                delivery.recipient, delivery.attempts, delivery.lastError, now));
    }

    private String kindOf(Delivery delivery) {
        InboxItem item = InboxItem.findById(delivery.itemId);
        return item == null ? null : item.kind;
    }

    private void wakeSendersAfterCommit() {
        AfterCommit.once(transactions, WAKE_UP_REGISTERED, dispatcher::wakeUp);
    }
}

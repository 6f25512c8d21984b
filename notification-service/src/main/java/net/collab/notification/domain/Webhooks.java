package net.collab.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.collab.domain.Refusal;

/**
 * An organization's webhooks, and what a call to one carries: the item as a CloudEvent (JSON,
 * structured mode), signed with HMAC-SHA256 over the timestamp and the body.
 */
@ApplicationScoped
public class Webhooks {

    public static final String SIGNATURE_HEADER = "X-Collabnet-Signature";
    public static final String TIMESTAMP_HEADER = "X-Collabnet-Timestamp";
    public static final String WEBHOOK_HEADER = "X-Collabnet-Webhook-Id";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookTargets targets;

    /** A webhook as made: the secret, shown this once. */
    public record Made(Webhook webhook, String secret) {
    }

    @Transactional
    public Made register(UUID organizationId, String url, List<NotificationKind> kinds, String subject) {
        if (url == null || url.isBlank()) {
            throw Refusal.invalid("url", "is required: where the network POSTs the news (https://…)");
        }
        if (url.length() > 2000) {
            throw Refusal.invalid("url", "must be at most 2000 characters");
        }
        String refusal = targets.refusal(url.strip());
        if (refusal != null) {
            throw Refusal.invalid("url", refusal);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.organizationId = organizationId;
        webhook.url = url.strip();
        webhook.secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        webhook.kinds = kinds == null || kinds.isEmpty() ? null : String.join(",", kinds.stream().map(Enum::name).distinct().toList());
        webhook.active = true;
        webhook.createdBy = subject;
        webhook.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        webhook.persist();
        return new Made(webhook, webhook.secret);
    }

    @Transactional
    public List<Webhook> of(UUID organizationId) {
        return Webhook.list("organizationId = ?1 and active = true order by createdAt", organizationId);
    }

    /** @return false if the organization has no such webhook */
    @Transactional
    public boolean remove(UUID organizationId, UUID webhookId) {
        Optional<Webhook> webhook = Webhook.<Webhook>findByIdOptional(webhookId)
                .filter(found -> found.organizationId.equals(organizationId) && found.active);
        webhook.ifPresent(found -> found.active = false);
        return webhook.isPresent();
    }

    /** The body of a call about the item: a CloudEvent whose id is the delivery's, the same on every attempt. */
    static String body(UUID deliveryId, InboxItem item) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", deliveryId.toString());
        event.put("source", "/collabnet/notification-service");
        event.put("type", "net.collab.notification." + item.kind.toLowerCase(java.util.Locale.ROOT).replace('_', '.') + ".v1");
        event.put("subject", item.aboutId.toString());
        event.put("time", item.createdAt.toString());
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("notificationId", item.id.toString());
        data.put("kind", item.kind);
        data.put("priority", item.priority.name());
        data.put("aboutId", item.aboutId.toString());
        if (item.recipientOrganizationId != null) {
            data.put("organizationId", item.recipientOrganizationId.toString());
        }
        data.putObject("title").put("zh-CN", item.titleZh).put("en", item.titleEn);
        data.putObject("body").put("zh-CN", item.bodyZh).put("en", item.bodyEn);
        try {
            return JSON.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code v1=} and the hex HMAC-SHA256, keyed with the secret, of {@code <timestamp>.<body>}. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

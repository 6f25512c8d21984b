package net.collab.events.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * A notification left the network on a channel and the other side took it (the SMTP server accepted
 * the e-mail, the webhook answered 2xx). {@code recipient} is the person's subject at the identity
 * provider (never an address) or the webhook's id. Keyed by the delivery's id.
 */
@EventContract(topic = Topics.DELIVERIES, type = "net.collab.notification.delivered.v1")
public record NotificationDelivered(
        UUID deliveryId,
        UUID itemId,
        String kind,
        String channel,
        String recipient,
        int attempts,
        OffsetDateTime deliveredAt) implements DeliveryEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.delivered(this);
    }

    @Override
    public String aggregateId() {
        return deliveryId.toString();
    }
}

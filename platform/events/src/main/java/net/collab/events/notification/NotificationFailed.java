package net.collab.events.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * A notification could not be delivered on a channel after its last attempt (or can never be: no
 * address, a refused target); it stays in the delivery log for the coordinator, who may send it
 * again. {@code reason} is the last error, without the recipient's address. Keyed by the delivery's id.
 */
@EventContract(topic = Topics.DELIVERIES, type = "net.collab.notification.failed.v1")
public record NotificationFailed(
        UUID deliveryId,
        UUID itemId,
        String kind,
        String channel,
        String recipient,
        int attempts,
        String reason,
        OffsetDateTime failedAt) implements DeliveryEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.failed(this);
    }

    @Override
    public String aggregateId() {
        return deliveryId.toString();
    }
}

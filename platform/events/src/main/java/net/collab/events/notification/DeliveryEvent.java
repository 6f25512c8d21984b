package net.collab.events.notification;

import net.collab.events.DomainEvent;

/**
 * An event on {@code notification.deliveries.v1}: how a message sent out of the network (an
 * e-mail, a webhook call) ended. For the coordinator's monitor; sealed like the other topics' types.
 */
public sealed interface DeliveryEvent extends DomainEvent permits NotificationDelivered, NotificationFailed {

    /** What a consumer of {@code notification.deliveries.v1} does with each type. */
    interface Handler {
        void delivered(NotificationDelivered event);

        void failed(NotificationFailed event);
    }

    void dispatchTo(Handler handler);
}

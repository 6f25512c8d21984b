package net.collab.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

import net.collab.notification.domain.EmailSender;

/** E-mail over SMTP through quarkus-mailer (server, sender address and TLS in {@code quarkus.mailer.*}). */
@ApplicationScoped
public class SmtpEmailSender implements EmailSender {

    public static final String DELIVERY_HEADER = "X-Collabnet-Delivery-Id";
    public static final String ITEM_HEADER = "X-Collabnet-Notification-Id";

    @Inject
    Mailer mailer;

    @Override
    public void send(Email email) {
        mailer.send(Mail.withText(email.to(), email.subject(), email.text())
                .addHeader(DELIVERY_HEADER, email.deliveryId())
                .addHeader(ITEM_HEADER, email.itemId()));
    }
}

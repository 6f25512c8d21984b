package net.collab.notification.domain;

/** Hands an e-mail to the mail server; implemented over SMTP (messaging). */
public interface EmailSender {

    /** An e-mail as sent: the delivery's id travels in a header, so that a receiver can drop a second copy. */
    record Email(String to, String subject, String text, String deliveryId, String itemId) {
    }

    /** Returns when the server accepted the e-mail; throws when it did not. */
    void send(Email email) throws Exception;
}

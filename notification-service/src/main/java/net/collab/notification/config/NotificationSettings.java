package net.collab.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How deliveries leave the service: how often the senders look, how long they try. */
@ConfigMapping(prefix = "collabnet.notifications")
public interface NotificationSettings {

    /** How often the senders look for deliveries due (they are also woken when one is written). */
    @WithDefault("1s")
    Duration dispatchInterval();

    /** How many deliveries a sender claims at a time. */
    @WithDefault("20")
    int dispatchBatch();

    /** How long a claimed delivery is a sender's: one that died mid-send leaves it to another after this. */
    @WithDefault("2m")
    Duration claimFor();

    Retry retry();

    /** Failed sends are tried again after pauses that double from the first to the longest, until the last attempt. */
    interface Retry {
        @WithDefault("5s")
        Duration initialDelay();

        @WithDefault("30m")
        Duration maxDelay();

        /** Attempts in all (the first included); after the last failed, the delivery is dead (NotificationFailed). */
        @WithDefault("8")
        int maxAttempts();
    }

    /** The address e-mails come from, and the link people follow to their inbox. */
    Email email();

    interface Email {
        @WithDefault("http://localhost:8080/inbox")
        String inboxLink();
    }

    Webhooks webhooks();

    /** Where webhooks may point, and how long a call may take. */
    interface Webhooks {
        /**
         * Networks in private, loopback or link-local ranges that webhooks may nevertheless reach, as
         * CIDR (e.g. {@code 10.1.0.0/16}); none by default, so that no one can make the network call
         * its own machines.
         */
        java.util.Optional<java.util.List<String>> allowedNetworks();

        @WithDefault("10s")
        Duration timeout();
    }

    /** The daily digest (read by the scheduler from the same key). */
    Digest digest();

    interface Digest {
        /** When digests go out: a Quartz-style cron in China time. */
        @WithDefault("0 0 18 * * ?")
        String cron();
    }
}

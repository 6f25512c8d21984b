package net.collab.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers retry (see {@link IdempotentConsumer}). */
@ConfigMapping(prefix = "collabnet.consumer")
public interface ConsumerSettings {

    /** Attempts at a record whose failure is not known to be transient, before it is dead-lettered. */
    @WithDefault("5")
    int maxAttempts();

    /** Pause before the second attempt; it doubles with each further attempt. */
    @WithDefault("PT0.2S")
    Duration retryDelay();

    /** The longest pause between attempts (transient failures are retried until they pass). */
    @WithDefault("PT30S")
    Duration maxRetryDelay();
}

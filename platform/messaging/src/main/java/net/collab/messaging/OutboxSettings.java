package net.collab.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@link OutboxRelay} publishes (prefix {@code collabnet.outbox}). */
@ConfigMapping(prefix = "collabnet.outbox")
public interface OutboxSettings {

    /** How often the relay looks for rows when nobody woke it (rows left by a crash, another instance's). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** The most rows one round sends. */
    @WithDefault("500")
    int batchSize();

    /** The most payload bytes one round holds in memory and sends (a round takes at least one row). */
    @WithDefault("4194304")
    int batchBytes();

    /**
     * The largest event the outbox accepts, in bytes of JSON: below the broker's default
     * {@code max.message.bytes} (1 MiB) with room for headers. A larger one fails its transaction.
     */
    @WithDefault("900000")
    int maxEventBytes();

    /** How long one round waits for the broker to acknowledge what it sent (Kafka's delivery timeout). */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** How long a send may block for metadata or buffer space ({@code max.block.ms}) while the broker is away. */
    @WithDefault("PT10S")
    Duration maxBlock();

    /** Readiness turns DOWN when the oldest unpublished event is older than this: the broker is unreachable or the relay stuck. */
    @WithDefault("PT5M")
    Duration maxAge();
}

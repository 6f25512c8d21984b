package net.collab.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the console finds the services it acts on for the signed-in person (e.g. COLLABNET_CONSOLE_ACTION_URL). */
@ConfigMapping(prefix = "collabnet.console")
public interface ConsoleConfig {
    String registryUrl();

    String actionUrl();

    String matchingUrl();

    String notificationUrl();

    /** A need with nothing matched for this long counts as stuck on the flow monitor. */
    @WithDefault("PT30M")
    java.time.Duration stuckAfter();
}

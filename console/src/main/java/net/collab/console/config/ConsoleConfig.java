package net.collab.console.config;

import io.smallrye.config.ConfigMapping;

/** Addresses the browser uses; set through the environment (e.g. COLLABNET_CONSOLE_REGISTRY_URL). */
@ConfigMapping(prefix = "collabnet.console")
public interface ConsoleConfig {
    String registryUrl();

    String actionUrl();

    String matchingUrl();

    String notificationUrl();

    String keycloakUrl();
}

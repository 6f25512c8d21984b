package net.collab.console.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import net.collab.console.config.ConsoleConfig;

/** Tells the page where the services are, so one build serves every deployment. */
@Path("/config.json")
public class ConsoleConfigResource {

    @Inject
    ConsoleConfig config;

    public record Endpoints(String registry, String action, String matching, String notification, String keycloak) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Endpoints endpoints() {
        return new Endpoints(config.registryUrl(), config.actionUrl(), config.matchingUrl(), config.notificationUrl(),
                config.keycloakUrl());
    }
}

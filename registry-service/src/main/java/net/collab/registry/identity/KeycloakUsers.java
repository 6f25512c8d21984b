package net.collab.registry.identity;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** Keycloak's admin API for the realm's users, called with the registry's own service-account token. */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/users")
public interface KeycloakUsers {

    @GET
    List<User> byEmail(@QueryParam("email") String email, @QueryParam("exact") boolean exact);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String email, Boolean emailVerified, Boolean enabled) {
    }
}

package net.collab.registry.identity;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import net.collab.registry.domain.IdentityDirectory;
import net.collab.domain.Refusal;

/** Finds people in Keycloak by e-mail (the realm grants the registry's client view-users). */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakIdentityDirectory.class);

    @Inject
    @RestClient
    KeycloakUsers users;

    @Override
    public Optional<String> subjectByEmail(String email) {
        List<KeycloakUsers.User> answer;
        try {
            answer = users.byEmail(email, true);
        } catch (WebApplicationException | ProcessingException | io.quarkus.oidc.client.OidcClientException e) {
            LOG.warnf("looking up a member by e-mail in Keycloak failed: %s", e.toString());
            throw Refusal.unavailable("the identity provider cannot be asked right now; try again,"
                    + " or add the member by subject");
        }
        List<KeycloakUsers.User> found = answer.stream()
                // Only an address its owner has confirmed: anyone can register an account with someone else's e-mail.
                .filter(user -> email.equalsIgnoreCase(user.email()) && Boolean.TRUE.equals(user.emailVerified())
                        && !Boolean.FALSE.equals(user.enabled()))
                .toList();
        return found.size() == 1 ? Optional.of(found.get(0).id()) : Optional.empty();
    }
}

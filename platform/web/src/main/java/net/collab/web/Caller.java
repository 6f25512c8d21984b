package net.collab.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: services authorize by the token's subject against their membership data. */
@RequestScoped
public class Caller {

    public static final String COORDINATOR = "coordinator";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The identity provider's stable id of the person (the {@code sub} claim). */
    public String subject() {
        if (identity.isAnonymous() || token.getSubject() == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return token.getSubject();
    }

    public boolean isCoordinator() {
        return identity.hasRole(COORDINATOR);
    }
}

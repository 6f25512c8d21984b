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

    /**
     * The e-mail address the identity provider has for the person, if it says so and has verified it
     * (the {@code email} and {@code email_verified} claims): an address anyone could type in is not one
     * to send the network's news to.
     */
    public java.util.Optional<String> email() {
        if (identity.isAnonymous() || !Boolean.TRUE.equals(verified(token.getClaim("email_verified")))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(token.<String>getClaim("email"));
    }

    private static Boolean verified(Object claim) {
        if (claim instanceof Boolean flag) {
            return flag;
        }
        if (claim instanceof jakarta.json.JsonValue value) {
            return value.getValueType() == jakarta.json.JsonValue.ValueType.TRUE;
        }
        return claim != null && Boolean.parseBoolean(claim.toString());
    }

    /** How the person is called ({@code name}, else {@code preferred_username}), if the token says. */
    public java.util.Optional<String> displayName() {
        if (identity.isAnonymous()) {
            return java.util.Optional.empty();
        }
        String name = token.getClaim("name");
        return java.util.Optional.ofNullable(name != null ? name : token.<String>getClaim("preferred_username"));
    }

    public boolean isCoordinator() {
        return identity.hasRole(COORDINATOR);
    }
}

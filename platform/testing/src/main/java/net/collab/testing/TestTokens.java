package net.collab.testing;

import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Signed access tokens from the OIDC test server. The subject is what services authorize by, so
 * each test user gets its own.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** A signed-in user without network roles. */
    public static String user(String subject) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(), subject);
    }

    public static String coordinator(String subject) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of("coordinator"), subject);
    }
}

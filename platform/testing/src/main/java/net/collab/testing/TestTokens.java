package net.collab.testing;

import java.time.Instant;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

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

    /** A signed-in user whose token also names them: e-mail address and name, as the identity provider's tokens do. */
    public static String person(String subject, String email, String name, boolean coordinator) {
        return person(subject, email, name, coordinator, true);
    }

    /** As {@link #person(String, String, String, boolean)}, saying whether the identity provider verified the address. */
    public static String person(String subject, String email, String name, boolean coordinator, boolean emailVerified) {
        return Jwt.preferredUserName(subject).subject(subject).groups(coordinator ? Set.of("coordinator") : Set.of())
                .claim("email", email).claim("email_verified", emailVerified).claim("name", name).issuer(ISSUER).audience(AUDIENCE)
                .issuedAt(Instant.now().minusSeconds(10)).expiresAt(Instant.now().plusSeconds(600))
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** The test server's issuer and audience, which the services accept in tests. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "https://server.example.com";

    /** Signed with the test server's key, but expired a minute ago. */
    public static String expired(String subject) {
        return signed(subject, ISSUER, AUDIENCE, Instant.now().minusSeconds(60));
    }

    /** Signed with the test server's key, but issued by someone else. */
    public static String fromIssuer(String subject, String issuer) {
        return signed(subject, issuer, AUDIENCE, Instant.now().plusSeconds(300));
    }

    /** Signed with the test server's key, but meant for another audience. */
    public static String forAudience(String subject, String audience) {
        return signed(subject, ISSUER, audience, Instant.now().plusSeconds(300));
    }

    private static String signed(String subject, String issuer, String audience, Instant expiresAt) {
        return Jwt.preferredUserName(subject).subject(subject).groups(Set.of()).issuer(issuer).audience(audience)
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt)
                .jws().keyId("1").sign("privateKey.jwk");
    }
}

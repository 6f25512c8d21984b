package net.collab.web;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Why a bearer token was refused, in words: expired, from another issuer, or meant for another
 * audience. Quarkus' OIDC layer wraps the token check's failure; the claims it names come from the
 * refused token itself, never from a valid one.
 */
final class TokenRefusal {

    private TokenRefusal() {
    }

    static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                return explain(invalid);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return "the bearer token is not valid (not signed by the network's identity provider, or malformed); sign in again";
    }

    private static String explain(InvalidJwtException invalid) {
        JwtClaims claims = invalid.getJwtContext() == null ? null : invalid.getJwtContext().getJwtClaims();
        try {
            if (invalid.hasExpired()) {
                return "the bearer token expired"
                        + (claims != null && claims.getExpirationTime() != null
                                ? " at " + Instant.ofEpochSecond(claims.getExpirationTime().getValue()) : "")
                        + "; get a new one";
            }
            if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                return "the bearer token was issued by " + (claims == null ? "an unknown issuer" : claims.getIssuer())
                        + "; this service accepts tokens issued by " + expected("quarkus.oidc.token.issuer", "quarkus.oidc.auth-server-url")
                        + " (fetch the token from that address exactly)";
            }
            if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                List<String> audience = claims == null ? List.of() : claims.getAudience();
                return "the bearer token is meant for " + (audience.isEmpty() ? "no audience" : String.join(", ", audience))
                        + ", not for this service; it accepts tokens for " + expected("quarkus.oidc.token.audience", null);
            }
        } catch (MalformedClaimException e) {
            // fall through to the general answer
        }
        return "the bearer token is not valid: " + (invalid.getErrorDetails().isEmpty() ? "its checks failed"
                : "error " + invalid.getErrorDetails().get(0).getErrorCode()) + "; sign in again";
    }

    private static String expected(String property, String fallback) {
        var config = ConfigProvider.getConfig();
        return config.getOptionalValue(property, String.class)
                .or(() -> fallback == null ? java.util.Optional.empty() : config.getOptionalValue(fallback, String.class))
                .orElse("(not configured)");
    }
}

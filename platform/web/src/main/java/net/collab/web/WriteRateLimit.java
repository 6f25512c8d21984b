package net.collab.web;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Write requests (POST, PUT, PATCH, DELETE) per client: a token bucket of
 * {@code collabnet.http.write-rate.burst} requests, refilled at {@code per-second}. The client is
 * the person the token names, or the address of an anonymous caller. Beyond it: 429 with
 * {@code Retry-After}, and nothing done. Reads are not limited: the public board is read by many.
 * The buckets are each instance's own: N instances of a service let a client write N times as
 * much, and behind a proxy anonymous callers share the proxy's address (no write endpoint takes
 * anonymous callers today).
 */
@ApplicationScoped
public class WriteRateLimit {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    HttpLimits limits;

    @Inject
    SecurityIdentity identity;

    // Idle clients' buckets are full again after burst / per-second seconds; forgetting them then changes nothing.
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    @ServerRequestFilter
    public Response limitWrites(ContainerRequestContext request, HttpServerRequest http) {
        if (!WRITES.contains(request.getMethod())) {
            return null;
        }
        HttpLimits.WriteRate rate = limits.writeRate();
        // The person is the token's subject, as the services authorize by (a name could be changed).
        String client = identity.isAnonymous()
                ? "address:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress())
                : "person:" + (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                        ? token.getSubject() : identity.getPrincipal().getName());
        Bucket bucket = buckets.get(client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.burst()).refillGreedy(rate.perSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        Problem problem = new Problem("/problems/too-many-requests", "请求过于频繁 Too many requests", 429,
                "at most " + rate.burst() + " write requests at once and " + rate.perSecond()
                        + " a second per client; try again in " + retryAfterSeconds + " s",
                request.getUriInfo().getPath(), null);
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds).entity(problem).build();
    }
}

package net.collab.console.api;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Forms that change something are accepted only from the console's own pages: a browser says where
 * a request comes from ({@code Sec-Fetch-Site}, {@code Origin}), and another site's form is refused
 * (403) even where the session cookie's SameSite=Lax would not stop it (older browsers, sibling hosts).
 */
public class SameOriginWrites {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response refuseOtherSites(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return refused();
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equals("null")) {
            String host = request.getHeaderString("Host");
            try {
                URI from = URI.create(origin);
                String fromHost = from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
                if (host == null || !host.equalsIgnoreCase(fromHost)) {
                    return refused();
                }
            } catch (IllegalArgumentException e) {
                return refused();
            }
        }
        return null;
    }

    private static Response refused() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("只接受本站页面提交的表单 · Forms are accepted from this site's pages only").build();
    }
}

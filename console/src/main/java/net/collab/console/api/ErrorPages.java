package net.collab.console.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import net.collab.console.services.ServiceRefusal;
import net.collab.console.services.ServiceUnavailable;

/** Failures become a page in the person's language: what happened and what to do, never a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Views views;

    @Location("error.html")
    Template error;

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        LOG.warnf("%s", e.getMessage());
        return page(503, "error_unavailable", null);
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefusal e) {
        String key = switch (e.status()) {
            case 401 -> "error_signin";
            case 403 -> "error_forbidden";
            case 404 -> "error_notfound";
            default -> "error_refused";
        };
        return page(e.status(), key, e.status() == 404 ? null : e.detail());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "error_notfound", null);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return page(403, "error_forbidden", null);
    }

    /** Anything unforeseen: logged with an id the person can quote, and a page in their language. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unforeseen(Throwable e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
            return page(web.getResponse().getStatus(), web.getResponse().getStatus() == 404 ? "error_notfound" : "error_refused", null);
        }
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unforeseen failure %s", id);
        return page(500, "error_unforeseen", id);
    }

    private Response page(int status, String key, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(views.page(error).data("message", views.texts().get(key)).data("detail", detail).data("status", status))
                .build();
    }
}

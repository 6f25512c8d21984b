package net.collab.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import net.collab.domain.Refusal;

/**
 * Every error leaves a service as application/problem+json (RFC 9457). Nothing internal (stack
 * traces, SQL, class names) reaches the client; unexpected errors are logged with an id that the
 * response repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Relative problem type URIs, resolved against the service; documented in each README. */
    private static final String TYPE_PREFIX = "/problems/";

    /** The domain's refusals, one problem type per kind. */
    @ServerExceptionMapper
    public Response refused(Refusal refusal, UriInfo uri) {
        if (refusal instanceof Refusal.Invalid invalid) {
            return respond(new Problem(TYPE_PREFIX + "validation", "请求无效 Invalid request", 400, invalid.getMessage(),
                    path(uri), invalid.errors().stream().map(error -> new Problem.FieldError(error.field(), error.message()))
                            .toList()));
        }
        Problem problem = refusal instanceof Refusal.NotFound
                ? new Problem(TYPE_PREFIX + "not-found", "未找到 Not found", 404, refusal.getMessage(), path(uri), null)
                : refusal instanceof Refusal.Forbidden
                        ? new Problem(TYPE_PREFIX + "forbidden", "无权操作 Forbidden", 403, refusal.getMessage(), path(uri), null)
                        : refusal instanceof Refusal.Conflict
                                ? new Problem(TYPE_PREFIX + "conflict", "冲突 Conflict", 409, refusal.getMessage(), path(uri), null)
                                : new Problem(TYPE_PREFIX + "unavailable", "暂时无法处理 Temporarily unavailable", 503,
                                        refusal.getMessage(), path(uri), null);
        return respond(problem);
    }

    /** Quarkus' own exception for invalid requests; mapped here so that it becomes a problem too. */
    @ServerExceptionMapper
    public Response invalidRequest(ResteasyReactiveViolationException e, UriInfo uri) {
        return invalid(e, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        String detail = errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
        return respond(new Problem(TYPE_PREFIX + "validation", "请求无效 Invalid request", 400, detail, path(uri), errors));
    }

    // Quarkus maps these two itself (as plain JSON); naming them here makes them problems.
    @ServerExceptionMapper
    public Response unreadableInput(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        String message = e instanceof InvalidFormatException format
                ? "cannot read " + quote(format.getValue()) + " as " + format.getTargetType().getSimpleName()
                        + allowedValues(format.getTargetType())
                : e instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException invalid
                        ? invalid.getMessage()
                        : e instanceof JsonMappingException ? "cannot read this value" : "malformed JSON";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(new Problem(TYPE_PREFIX + "unreadable", "请求无法解析 Unreadable request", 400,
                field.isEmpty() ? message : field + ": " + message, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized("this request needs a bearer token (Authorization: Bearer …) from the network's identity provider",
                uri);
    }

    /** A token was sent but refused: say why, so that whoever holds it knows what to fix. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(TokenRefusal.explain(e), uri);
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .entity(new Problem(TYPE_PREFIX + "unauthorized", "请先登录 Sign-in required", 401, detail, path(uri), null))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(TYPE_PREFIX + "forbidden", "无权操作 Forbidden", 403,
                "your role does not allow this request", path(uri), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS answers a path or query parameter it cannot convert with 404; it is a bad request.
            return respond(new Problem(TYPE_PREFIX + "validation", "请求无效 Invalid request", 400,
                    "a parameter of the address cannot be read: " + e.getCause().getMessage(), path(uri), null));
        }
        String title = switch (status) {
            case 404 -> "未找到 Not found";
            case 405 -> "方法不允许 Method not allowed";
            case 406 -> "无法提供该格式 Not acceptable";
            case 415 -> "不支持的格式 Unsupported media type";
            default -> status >= 500 ? "服务器错误 Server error" : "请求无效 Invalid request";
        };
        return respond(new Problem(TYPE_PREFIX + "http-" + status, title, status, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (concurrentChange(e)) {
            return respond(new Problem(TYPE_PREFIX + "concurrent-change", "数据已被他人修改 Changed concurrently", 409,
                    "someone changed the same data at the same moment; nothing of your request was stored. Reload and retry",
                    path(uri), null));
        }
        if (net.collab.domain.TransientFailures.isTransient(e)) {
            // The database unreachable or restarting, no connection free in time: it passes. A connection lost
            // during the commit may still have committed, so the answer does not promise nothing was stored.
            LOG.warnf("unavailable on %s: %s", path(uri), e.toString());
            return Response.fromResponse(respond(new Problem(TYPE_PREFIX + "unavailable", "暂时无法处理 Temporarily unavailable", 503,
                    "the service cannot reach its database just now; try again in a moment (a write cut off this way"
                            + " is usually not stored, but may be: look before posting it again)", path(uri), null)))
                    .header("Retry-After", 1).build();
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", incident, path(uri));
        return respond(new Problem(TYPE_PREFIX + "internal", "服务器错误 Server error", 500,
                "unexpected error; nothing was changed. Incident " + incident, path(uri), null));
    }

    /** The status {@link #unexpected} answers with. */
    static int unexpectedResponseStatus(Exception e) {
        return new ProblemMappers().unexpected(e, null).getStatus();
    }

    /**
     * An optimistic-lock failure or a unique-key violation that a check before the write could
     * not see (two requests at once): the request lost a race, it is not a server error.
     */
    static boolean concurrentChange(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.equals("OptimisticLockException") || name.equals("StaleObjectStateException")
                    || cause instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState())
                            || "40001".equals(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A 400 naming one invalid part of the request. */
    static Response respondInvalid(String field, String message, String path) {
        return respond(new Problem(TYPE_PREFIX + "validation", "请求无效 Invalid request", 400, field + ": " + message, path,
                List.of(new Problem.FieldError(field, message))));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    // "post.arg0.nameZh" -> "nameZh": the client knows its fields, not our method parameters.
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    private static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String allowedValues(Class<?> type) {
        if (!type.isEnum()) {
            return "";
        }
        return " (one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
    }
}

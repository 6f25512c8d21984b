package net.collab.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.Json;

/**
 * Input refused before it reaches a resource, with a problem document: addresses longer than
 * {@code collabnet.http.max-uri-length} (414), bodies larger than
 * {@code collabnet.http.max-body-size} (413; paths listed in {@code collabnet.http.large-body-paths},
 * such as an import, may be as large as Quarkus' own limit) and NUL characters (400) anywhere in
 * the path, the query or a JSON text: no text the network keeps may contain one, and PostgreSQL's
 * text cannot.
 */
@ApplicationScoped
public class InputHygiene {

    private static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    @Inject
    HttpLimits limits;

    /**
     * Addresses longer than {@code collabnet.http.max-uri-length} (414). The HTTP server reads request
     * lines up to {@code quarkus.http.limits.max-initial-line-length} (64 kB here) so that this answer,
     * not the server's bare one, is what a long address gets; beyond that the server answers alone.
     */
    void limitAddresses(@Observes Filters filters) {
        filters.register(context -> {
            if (context.request().uri().length() > limits.maxUriLength()) {
                refuse(context, 414, "uri-too-long", "请求地址过长 URI too long",
                        "the path and query may have at most " + limits.maxUriLength() + " characters");
            } else {
                context.next();
            }
        }, 210);
    }

    void limitBodies(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader("Content-Length");
            boolean large = limits.largeBodyPaths().map(paths -> paths.contains(context.normalizedPath())).orElse(false);
            if (large) {
                context.next();
                return;
            }
            Long declared = length == null ? null : parseLength(length);
            if (length != null && declared == null) {
                refuse(context, 400, "validation", "请求无效 Invalid request", "Content-Length: \"" + length + "\" is not a length");
            } else if (declared != null && declared > limits.maxBodySize().asLongValue()) {
                refuse(context, 413, "request-too-large", "请求内容过大 Request too large",
                        "the body may have at most " + limits.maxBodySize().asLongValue() + " bytes");
            } else if (declared == null && mayHaveABody(context)) {
                // A streamed body (chunked, or HTTP/2 without a length) could not be held to the limit.
                refuse(context, 411, "length-required", "需要内容长度 Length required",
                        "send the body with a Content-Length header (at most " + limits.maxBodySize().asLongValue() + " bytes)");
            } else {
                context.next();
            }
        }, 200);
    }

    /**
     * Whether a request without Content-Length still brings a body: HTTP/1.1 says so with
     * Transfer-Encoding (otherwise there is none); HTTP/2 may stream one in any write.
     */
    private static boolean mayHaveABody(io.vertx.ext.web.RoutingContext context) {
        var request = context.request();
        var method = request.method();
        return request.getHeader("Transfer-Encoding") != null
                || request.version() == io.vertx.core.http.HttpVersion.HTTP_2 && (method == io.vertx.core.http.HttpMethod.POST
                        || method == io.vertx.core.http.HttpMethod.PUT || method == io.vertx.core.http.HttpMethod.PATCH);
    }

    private static Long parseLength(String length) {
        try {
            long value = Long.parseLong(length.strip());
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void refuse(io.vertx.ext.web.RoutingContext context, int status, String type, String title, String detail) {
        Problem problem = new Problem("/problems/" + type, title, status, detail, context.normalizedPath(), null);
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(Json.encode(problem));
    }

    /** A NUL character in the path or a query parameter. */
    @ServerRequestFilter(preMatching = true)
    public Response refuseNulInTheAddress(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        if (uri.getPath().indexOf('\0') >= 0) {
            return ProblemMappers.respondInvalid("path", NUL_MESSAGE, uri.getPath().replace("\0", "\\u0000"));
        }
        for (var parameter : uri.getQueryParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                return ProblemMappers.respondInvalid(parameter.getKey(), NUL_MESSAGE, uri.getPath());
            }
        }
        return null;
    }

    /** A NUL character in any JSON text of a request body (a field, a list item). */
    @Singleton
    public static class NulRefusingStrings implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("refuse-nul").addDeserializer(String.class, new StringDeserializer() {
                @Override
                public String deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
                    String value = super.deserialize(parser, context);
                    if (value != null && value.indexOf('\0') >= 0) {
                        throw JsonMappingException.from(parser, NUL_MESSAGE, new IllegalArgumentException(NUL_MESSAGE));
                    }
                    return value;
                }
            }));
        }
    }
}

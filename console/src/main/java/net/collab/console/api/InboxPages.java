package net.collab.console.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import net.collab.console.services.Service;
import net.collab.console.services.ServiceRefusal;
import net.collab.console.services.ServiceUnavailable;
import net.collab.console.services.Services;

/**
 * The person's inbox, and its live stream: the browser's EventSource cannot carry a bearer token,
 * so the console opens notification-service's stream with the person's token and passes each item
 * on as a ready-made list entry (the page's htmx SSE extension inserts it). {@code Last-Event-ID}
 * goes through both ways, so a reconnect resumes where it stopped.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class InboxPages {

    private static final Logger LOG = Logger.getLogger(InboxPages.class);

    @Inject
    Services services;

    @Inject
    Views views;

    @Inject
    ObjectMapper json;

    @Inject
    StreamThreads threads;

    @Location("inbox.html")
    Template inbox;

    @Location("inbox-item.html")
    Template item;

    /** One thread per open stream, each blocked reading its upstream; they end with the stream. */
    @Singleton
    public static class StreamThreads {
        final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "inbox-stream");
            thread.setDaemon(true);
            return thread;
        });
        /** Every 20 s each open stream gets a comment: a browser that left is noticed, and its upstream closed. */
        final java.util.concurrent.ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbox-stream-keepalive");
            thread.setDaemon(true);
            return thread;
        });

        @PreDestroy
        void stop() {
            keepAlive.shutdownNow();
            executor.shutdownNow();
        }
    }

    @GET
    public TemplateInstance inbox(@QueryParam("page") Integer page, @QueryParam("unread") Boolean unread) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page", page);
        query.put("size", 30);
        query.put("unread", unread);
        return views.page(inbox).data("items", services.getObject(Service.NOTIFICATION, "/inbox", query))
                .data("unreadOnly", Boolean.TRUE.equals(unread));
    }

    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") String id) {
        services.post(Service.NOTIFICATION, "/inbox/" + Ids.uuid(id) + "/read", Map.of());
        return MemberPages.seeOther("/inbox");
    }

    @POST
    @Path("read")
    public Response readAll() {
        services.post(Service.NOTIFICATION, "/inbox/read", Map.of());
        return MemberPages.seeOther("/inbox?done=read");
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        Map<String, String> headers = lastEventId == null || lastEventId.isBlank() ? Map.of() : Map.of("Last-Event-ID", lastEventId);
        InputStream upstream;
        try {
            upstream = services.open(Service.NOTIFICATION, "/inbox/stream", headers);
        } catch (ServiceRefusal | ServiceUnavailable e) {
            LOG.debugf("inbox stream not opened: %s", e.getMessage());
            sink.close(); // the browser tries again by itself
            return;
        }
        Map<String, String> texts = views.texts();
        String language = views.language();
        java.util.concurrent.ScheduledFuture<?> alive = threads.keepAlive.scheduleAtFixedRate(() -> {
            if (sink.isClosed()) {
                closeQuietly(upstream); // unblocks the relay's read
                return;
            }
            sink.send(sse.newEventBuilder().comment("keep-alive").build()).whenComplete((done, failure) -> {
                if (failure != null) {
                    sink.close();
                    closeQuietly(upstream);
                }
            });
        }, 20, 20, java.util.concurrent.TimeUnit.SECONDS);
        threads.executor.submit(() -> {
            try {
                relay(upstream, sink, sse, texts, language);
            } finally {
                alive.cancel(false);
            }
        });
    }

    /** Reads Server-Sent Events frames from upstream and sends each item on, rendered. */
    private void relay(InputStream upstream, SseEventSink sink, Sse sse, Map<String, String> texts, String language) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (!sink.isClosed() && (line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        send(sink, sse, id, data.toString(), texts, language);
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("inbox stream ended: %s", e.toString());
        } finally {
            closeQuietly(upstream);
            sink.close();
        }
    }

    private static void closeQuietly(InputStream upstream) {
        try {
            upstream.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void send(SseEventSink sink, Sse sse, String id, String data, Map<String, String> texts, String language)
            throws IOException {
        Object value = json.readValue(data, Object.class);
        String html = item.data("item", value).data("t", texts).data("lang", language).render();
        var event = sse.newEventBuilder().name("notification").data(html);
        if (id != null) {
            event.id(id);
        }
        sink.send(event.build()).toCompletableFuture().whenComplete((done, failure) -> {
            if (failure != null) {
                sink.close();
            }
        });
    }
}

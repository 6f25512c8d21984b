package net.collab.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.domain.Refusal;
import net.collab.notification.domain.DeadLetter;
import net.collab.notification.domain.DeadLetterLog;
import net.collab.notification.messaging.DeadLetterCollector;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.Page;
import net.collab.web.QueryParams;

/** The coordinator's view of every service's dead letters, with replay. */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DeadLettersResource {

    @Inject
    Caller caller;

    @Inject
    DeadLetterLog log;

    @Inject
    DeadLetterCollector collector;

    public record DeadLetterView(UUID id, String topic, int partition, long offset, String originalTopic, String consumer,
            String reason, String eventType, String key, String value, OffsetDateTime receivedAt, OffsetDateTime replayedAt, int replays) {
        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(letter.id, letter.topic, letter.partition, letter.offset, letter.originalTopic, letter.consumer,
                    letter.reason, letter.eventType, letter.key, letter.value, letter.receivedAt, letter.replayedAt, letter.replays);
        }
    }

    /** Newest first; {@code replayed=false} only those not put back yet. */
    @GET
    public Page<DeadLetterView> list(@QueryParam("replayed") String replayed, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        requireCoordinator();
        Page.Request paging = Page.request(page, size);
        boolean onlyNotReplayed = replayed != null && !QueryParams.bool("replayed", replayed, true);
        return Page.of(log.list(onlyNotReplayed, paging.page(), paging.size()).map(DeadLetterView::of), paging);
    }

    /** Puts the letter back on the topic it came from (its consumers skip it if they had handled it after all). */
    @POST
    @Path("/{id}/replay")
    @Extension(name = Callers.EXTENSION, value = Callers.COORDINATOR)
    public DeadLetterView replay(@PathParam("id") UUID id) throws Exception {
        requireCoordinator();
        return log.replay(id, collector).map(DeadLetterView::of).orElseThrow(() -> Refusal.notFound("dead letter " + id));
    }

    private void requireCoordinator() {
        if (!caller.isCoordinator()) {
            throw Refusal.forbidden("only the network's coordinator sees and replays dead letters");
        }
    }
}

package net.collab.notification.api;

import java.time.OffsetDateTime;
import java.util.Optional;
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
import net.collab.notification.domain.Deliveries;
import net.collab.notification.domain.Delivery;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.Page;
import net.collab.web.QueryParams;

/** The coordinator's delivery log: every e-mail and webhook call, how it went, and a second chance for the dead. */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DeliveriesResource {

    @Inject
    Caller caller;

    @Inject
    Deliveries deliveries;

    /** A send as the coordinator sees it: the recipient is a person's subject or a webhook's id, never an address. */
    public record DeliveryView(UUID id, UUID itemId, String kind, String channel, String recipient, String status, int attempts,
            String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
        static DeliveryView of(Deliveries.Entry entry) {
            Delivery delivery = entry.delivery();
            return new DeliveryView(delivery.id, delivery.itemId, entry.kind(), delivery.channel.name(), delivery.recipient,
                    delivery.status.name(), delivery.attempts, delivery.lastError, delivery.createdAt,
                    delivery.status == Delivery.Status.PENDING ? delivery.nextAttemptAt : null, delivery.sentAt);
        }
    }

    /** Newest first; {@code status} (PENDING, DIGEST, SENT, DEAD, SKIPPED) and {@code channel} (EMAIL, WEBHOOK) narrow it. */
    @GET
    public Page<DeliveryView> log(@QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        requireCoordinator();
        Page.Request paging = Page.request(page, size);
        return Page.of(deliveries.log(Optional.ofNullable(QueryParams.enumValue(Delivery.Status.class, "status", status)),
                Optional.ofNullable(QueryParams.enumValue(Delivery.Channel.class, "channel", channel)), paging.page(), paging.size())
                .map(DeliveryView::of), paging);
    }

    /** Sends a dead delivery again (409 if it is not dead). */
    @POST
    @Path("/{id}/retry")
    @Extension(name = Callers.EXTENSION, value = Callers.COORDINATOR)
    public DeliveryView retry(@PathParam("id") UUID id) {
        requireCoordinator();
        return deliveries.retry(id).map(DeliveryView::of).orElseThrow(() -> Refusal.notFound("delivery " + id));
    }

    private void requireCoordinator() {
        if (!caller.isCoordinator()) {
            throw Refusal.forbidden("only the network's coordinator sees and replays deliveries");
        }
    }
}

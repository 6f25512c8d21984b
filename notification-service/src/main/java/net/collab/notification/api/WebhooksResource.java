package net.collab.notification.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.domain.Refusal;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.membership.OrganizationReplica;
import net.collab.notification.domain.NotificationKind;
import net.collab.notification.domain.Webhook;
import net.collab.notification.domain.Webhooks;
import net.collab.web.Caller;
import net.collab.web.Callers;

/** An organization's webhooks: its administrators make and remove them, its members see them (never the secret). */
@Path("/organizations/{organizationId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WebhooksResource {

    @Inject
    Caller caller;

    @Inject
    OrganizationReplica organizations;

    @Inject
    Webhooks webhooks;

    /** {@code kinds}: which kinds of news to send (all when absent or empty). */
    public record WebhookRequest(String url, List<String> kinds) {
    }

    public record WebhookView(UUID id, UUID organizationId, String url, List<String> kinds, OffsetDateTime createdAt) {
        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.id, webhook.organizationId, webhook.url, webhook.kindList(), webhook.createdAt);
        }
    }

    /** As made: the secret that signs every call, shown this once. */
    public record MadeView(UUID id, UUID organizationId, String url, List<String> kinds, OffsetDateTime createdAt, String secret) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public Response register(@PathParam("organizationId") UUID organizationId, @NotNull WebhookRequest request) {
        requireAdministrator(organizationId);
        List<NotificationKind> kinds = new ArrayList<>();
        if (request.kinds() != null) {
            for (String kind : request.kinds()) {
                try {
                    kinds.add(NotificationKind.valueOf(String.valueOf(kind)));
                } catch (IllegalArgumentException e) {
                    throw Refusal.invalid("kinds", "\"" + kind + "\" is not a kind of notification; one of "
                            + Arrays.toString(NotificationKind.values()));
                }
            }
        }
        Webhooks.Made made = webhooks.register(organizationId, request.url(), kinds, caller.subject());
        Webhook webhook = made.webhook();
        return Response.created(URI.create("/organizations/" + organizationId + "/webhooks/" + webhook.id))
                .entity(new MadeView(webhook.id, organizationId, webhook.url, webhook.kindList(), webhook.createdAt, made.secret())).build();
    }

    @GET
    public List<WebhookView> list(@PathParam("organizationId") UUID organizationId) {
        OrganizationReplica.Standing standing = standing(organizationId);
        if (!standing.member() && !caller.isCoordinator()) {
            throw Refusal.forbidden("only the organization's members see its webhooks");
        }
        return webhooks.of(organizationId).stream().map(WebhookView::of).toList();
    }

    @DELETE
    @Path("/{webhookId}")
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public Response remove(@PathParam("organizationId") UUID organizationId, @PathParam("webhookId") UUID webhookId) {
        requireAdministrator(organizationId);
        if (!webhooks.remove(organizationId, webhookId)) {
            throw Refusal.notFound("webhook " + webhookId + " of organization " + organizationId);
        }
        return Response.noContent().build();
    }

    private void requireAdministrator(UUID organizationId) {
        OrganizationReplica.Standing standing = standing(organizationId);
        if (!standing.administrator()) {
            throw Refusal.forbidden("only the organization's administrators make and remove its webhooks");
        }
        if (standing.status().orElseThrow() == OrganizationStatus.SUSPENDED) {
            throw Refusal.forbidden("organization " + organizationId + " is suspended; its webhooks stay as they are"
                    + " until the coordinator reinstates it");
        }
    }

    private OrganizationReplica.Standing standing(UUID organizationId) {
        OrganizationReplica.Standing standing = organizations.standing(organizationId, caller.subject());
        if (standing.status().isEmpty()) {
            throw Refusal.notFound("organization " + organizationId);
        }
        return standing;
    }
}

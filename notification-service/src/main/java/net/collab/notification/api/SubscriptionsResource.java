package net.collab.notification.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.notification.domain.NotificationKind;
import net.collab.notification.domain.Subscription;
import net.collab.notification.domain.Subscriptions;
import net.collab.web.Callers;
import net.collab.web.QueryParams;

/** What the caller follows beyond their organizations: places, categories, organizations, needs, actions. */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SubscriptionsResource {

    @Inject
    CallerPerson callerPerson;

    @Inject
    Subscriptions subscriptions;

    /** Every condition given must hold; {@code kinds} among {@link Subscriptions#KINDS} (all of them when absent). */
    public record SubscriptionRequest(String areaCode, String category, String organizationId, String needId, String actionId,
            List<String> kinds) {
    }

    public record SubscriptionView(UUID id, String areaCode, String category, UUID organizationId, UUID needId, UUID actionId,
            List<String> kinds, OffsetDateTime createdAt) {
        static SubscriptionView of(Subscription subscription) {
            return new SubscriptionView(subscription.id, subscription.areaCode, subscription.category, subscription.organizationId,
                    subscription.needId, subscription.actionId, subscription.kindList(), subscription.createdAt);
        }
    }

    @GET
    public List<SubscriptionView> mine() {
        return subscriptions.of(callerPerson.get().subject).stream().map(SubscriptionView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Callers.EXTENSION, value = Callers.SIGNED_IN)
    public Response subscribe(@NotNull SubscriptionRequest request) {
        List<NotificationKind> kinds = new ArrayList<>();
        if (request.kinds() != null) {
            for (String kind : request.kinds()) {
                kinds.add(QueryParams.enumValue(NotificationKind.class, "kinds", kind == null ? "null" : kind));
            }
        }
        ResourceCategory category = QueryParams.enumValue(ResourceCategory.class, "category", request.category());
        Subscription subscription = subscriptions.subscribe(callerPerson.get().subject, new Subscriptions.Follow(
                QueryParams.text("areaCode", request.areaCode()), category == null ? null : category.name(),
                QueryParams.uuid("organizationId", request.organizationId()), QueryParams.uuid("needId", request.needId()),
                QueryParams.uuid("actionId", request.actionId()), kinds));
        return Response.created(URI.create("/subscriptions/" + subscription.id)).entity(SubscriptionView.of(subscription)).build();
    }

    /** Removes one of the caller's subscriptions; someone else's is 403. */
    @DELETE
    @Path("/{id}")
    @Extension(name = Callers.EXTENSION, value = Callers.OWNER)
    public Response unsubscribe(@PathParam("id") UUID id) {
        switch (subscriptions.remove(callerPerson.get().subject, id)) {
            case NO_SUCH_SUBSCRIPTION -> throw Refusal.notFound("subscription " + id);
            case NOT_THEIRS -> throw Refusal.forbidden("the subscription is someone else's");
            default -> {
            }
        }
        return Response.noContent().build();
    }
}

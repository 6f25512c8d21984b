package net.collab.matching.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.matching.domain.Delivery;
import net.collab.matching.domain.Match;
import net.collab.matching.domain.MatchLifecycle;
import net.collab.matching.domain.MatchQueries;
import net.collab.membership.OrganizationReplica;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.Page;
import net.collab.web.QueryParams;
import net.collab.domain.Refusal;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    @Inject
    Caller caller;

    @Inject
    OrganizationReplica organizations;

    @Inject
    MatchQueries matches;

    @Inject
    MatchLifecycle lifecycle;

    public record MatchView(UUID id, UUID needId, UUID offerId, UUID requesterOrganizationId, UUID providerOrganizationId,
            BigDecimal quantity, BigDecimal quantityDelivered, String unit, Match.Status status, String explanation,
            BigDecimal score, String declineReason, String cancelReason, OffsetDateTime proposedAt, OffsetDateTime expiresAt,
            OffsetDateTime decidedAt, OffsetDateTime confirmedAt) {
        static MatchView of(Match match) {
            return new MatchView(match.id(), match.needId(), match.offerId(), match.requesterOrganizationId(),
                    match.providerOrganizationId(), match.quantity(), match.quantityDelivered(), match.unit(), match.status(),
                    match.explanation(), match.score(), match.declineReason(), match.cancelReason(), match.proposedAt(),
                    match.expiresAt(), match.decidedAt(), match.confirmedAt());
        }
    }

    /** A need that waits too long, as the coordinator sees it. */
    public record EscalationView(UUID needId, UUID requesterOrganizationId, String requesterName, String item,
            BigDecimal quantity, BigDecimal quantityCovered, String unit, String areaCode, OffsetDateTime postedAt,
            OffsetDateTime escalatedAt) {
    }

    @Inject
    net.collab.matching.domain.Matcher matcher;

    /**
     * The batch optimizer (coordinator): the allocation of greatest total score over all open needs
     * and free offers, proposing what incremental matching left open; answers what it found.
     */
    @POST
    @Path("optimizations")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.COORDINATOR)
    public net.collab.matching.domain.Matcher.Optimization optimize() {
        if (!caller.isCoordinator()) {
            throw Refusal.forbidden("only the network's coordinator runs the optimizer");
        }
        return matcher.optimize();
    }

    /** Needs escalated and still not covered, longest waiting first: the coordinator's to-do list. */
    @GET
    @Path("escalations")
    @Authenticated
    public Page<EscalationView> escalations(@QueryParam("page") String page, @QueryParam("size") String size) {
        if (!caller.isCoordinator()) {
            throw Refusal.forbidden("only the network's coordinator sees the escalated needs");
        }
        Page.Request paging = Page.request(page, size);
        var found = matches.escalated(paging.page(), paging.size());
        var names = organizations.names(found.items().stream().map(need -> need.organizationId).distinct().toList());
        return Page.of(found.map(need -> new EscalationView(need.id, need.organizationId, names.get(need.organizationId),
                need.item, need.quantity, need.quantityCovered, need.unit, need.areaCode, need.postedAt, need.escalatedAt)), paging);
    }

    /**
     * A match as anyone may see it, beside the public need: who helps with how much, and how far it
     * got. Not the reasons the parties wrote (free text that may name the people concerned).
     */
    public record PublicMatchView(UUID id, UUID needId, UUID offerId, UUID requesterOrganizationId, UUID providerOrganizationId,
            BigDecimal quantity, BigDecimal quantityDelivered, String unit, Match.Status status, String explanation,
            OffsetDateTime proposedAt) {
        static PublicMatchView of(Match match) {
            return new PublicMatchView(match.id(), match.needId(), match.offerId(), match.requesterOrganizationId(),
                    match.providerOrganizationId(), match.quantity(), match.quantityDelivered(), match.unit(), match.status(),
                    match.explanation(), match.proposedAt());
        }
    }

    public record DeclineRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record DeliveryRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000")
            @Digits(integer = 10, fraction = 2, message = "has at most 2 decimals") BigDecimal quantity,
            @Size(max = 2000) String note) {
    }

    public record DeliveryView(UUID id, UUID matchId, BigDecimal quantity, String note, OffsetDateTime reportedAt,
            MatchView match) {
    }

    @GET
    @Path("matches/{id}")
    @Authenticated
    public MatchView get(@PathParam("id") UUID id) {
        Match match = lifecycle.find(id);
        if (!caller.isCoordinator() && !speaksFor(match.requesterOrganizationId()) && !speaksFor(match.providerOrganizationId())) {
            throw Refusal.forbidden("only the members of the two organizations (or of a hub that sponsors one) and the coordinator"
                    + " see a match");
        }
        return MatchView.of(match);
    }

    /** The provider's members take the proposal on (MatchAccepted); they may then read the beneficiary's details. */
    @POST
    @Path("matches/{id}/acceptance")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.PROVIDER_MEMBER)
    public MatchView accept(@PathParam("id") UUID id) {
        return MatchView.of(lifecycle.accept(id, caller.subject()));
    }

    /** The provider's members cannot take it on, and say why (MatchDeclined): the need is matched again. */
    @POST
    @Path("matches/{id}/decline")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.PROVIDER_MEMBER)
    public MatchView decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        return MatchView.of(lifecycle.decline(id, request.reason().strip(), caller.subject()));
    }

    /** The provider's members report a delivery, whole or in part (MatchDelivered). */
    @POST
    @Path("matches/{id}/deliveries")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.PROVIDER_MEMBER)
    public Response deliver(@PathParam("id") UUID id, @Valid @NotNull DeliveryRequest request) {
        Delivery delivery = lifecycle.deliver(id, request.quantity(), request.note(), caller.subject());
        return Response.created(URI.create("/matches/" + id)).entity(new DeliveryView(delivery.id(), id, delivery.quantity(),
                delivery.note(), delivery.reportedAt(), MatchView.of(lifecycle.find(id)))).build();
    }

    /** The requester's members confirm they received everything delivered (MatchConfirmed). */
    @POST
    @Path("matches/{id}/confirmation")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.REQUESTER_MEMBER)
    public MatchView confirm(@PathParam("id") UUID id) {
        return MatchView.of(lifecycle.confirm(id, caller.subject()));
    }

    /** Who is helping with a need, a page at a time: public, like the need itself (no personal data here). */
    @GET
    @Path("needs/{id}/matches")
    @PermitAll
    public Page<PublicMatchView> forNeed(@PathParam("id") UUID needId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return Page.of(matches.forNeed(needId, paging.page(), paging.size()).map(PublicMatchView::of), paging);
    }

    /** An organization's matches, as requester or provider, newest first: for its members and the coordinator. */
    @GET
    @Path("matches")
    @Authenticated
    public Page<MatchView> forOrganization(@QueryParam("org") String organization, @QueryParam("status") String statusName,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Match.Status status = QueryParams.enumValue(Match.Status.class, "status", statusName);
        UUID organizationId = QueryParams.uuid("org", organization);
        Page.Request paging = Page.request(page, size);
        if (organizationId == null) {
            throw Refusal.invalid("org", "is required: the organization whose matches to list");
        }
        if (!caller.isCoordinator() && !speaksFor(organizationId)) {
            throw Refusal.forbidden("only members of the organization, the administrators of the hub that sponsors it and the"
                    + " coordinator see its matches");
        }
        return Page.of(matches.forOrganization(organizationId, status, paging.page(), paging.size()).map(MatchView::of), paging);
    }

    /** A member of the organization, or an administrator of the hub that sponsors it (who may also act on its matches). */
    private boolean speaksFor(UUID organizationId) {
        OrganizationReplica.Standing standing = organizations.standing(organizationId, caller.subject());
        return standing.member() || standing.administratorOfActiveSponsor();
    }
}

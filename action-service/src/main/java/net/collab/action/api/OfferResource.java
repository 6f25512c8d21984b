package net.collab.action.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.action.api.ActionViews.OfferRequest;
import net.collab.action.api.ActionViews.OfferView;
import net.collab.action.api.ActionViews.QuantityRequest;
import net.collab.action.api.ActionViews.WithdrawalRequest;
import net.collab.action.domain.NeedsAndOffers;
import net.collab.action.domain.Offer;
import net.collab.membership.AreaReplica;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.Page;
import net.collab.web.QueryParams;

@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    @Inject
    NeedsAndOffers needs;

    @Inject
    Caller caller;

    @Inject
    AreaReplica areas;

    @Inject
    net.collab.membership.OrganizationReplica organizations;

    @POST
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)
    public Response post(@Valid @NotNull OfferRequest request) {
        Offer offer = needs.post(request.toOffer(), caller.subject());
        return Response.created(URI.create("/offers/" + offer.id())).entity(view(offer)).build();
    }

    @GET
    @PermitAll
    public Page<OfferView> list(@QueryParam("organizationId") String organizationId, @QueryParam("actionId") String actionId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        var found = needs.openOffers(QueryParams.uuid("organizationId", organizationId), QueryParams.uuid("actionId", actionId),
                paging.page(), paging.size());
        // one query each for the page's places and organizations
        var places = areas.places(found.items().stream().map(Offer::areaCode).distinct().toList());
        var names = organizations.names(found.items().stream().map(Offer::organizationId).distinct().toList());
        return Page.of(found.map(offer -> OfferView.of(offer, places, names)), paging);
    }

    @GET
    @Path("{id}")
    @PermitAll
    public OfferView get(@PathParam("id") UUID id) {
        return view(needs.findOffer(id));
    }

    /** The organization takes its offer back (OfferWithdrawn): nothing more is proposed from it. */
    @POST
    @Path("{id}/withdrawal")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)
    public OfferView withdraw(@PathParam("id") UUID id, @Valid WithdrawalRequest request) {
        return view(needs.withdrawOffer(id, request == null ? null : request.reason(), caller.subject()));
    }

    /** The organization has more or less to give (OfferQuantityChanged): the new whole quantity. */
    @PUT
    @Path("{id}/quantity")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)
    public OfferView changeQuantity(@PathParam("id") UUID id, @Valid @NotNull QuantityRequest request) {
        return view(needs.changeOfferQuantity(id, request.quantity(), caller.subject()));
    }

    private OfferView view(Offer offer) {
        return OfferView.of(offer, areas.places(List.of(offer.areaCode())), organizations.names(List.of(offer.organizationId())));
    }
}

package net.collab.action.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;

import net.collab.action.api.ActionViews.OfferRequest;
import net.collab.action.api.ActionViews.OfferView;
import net.collab.action.domain.NeedsAndOffers;
import net.collab.action.domain.Offer;
import net.collab.web.Caller;
import net.collab.web.Page;

@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    @Inject
    NeedsAndOffers needs;

    @Inject
    Caller caller;

    @POST
    @Authenticated
    public Response post(@Valid @NotNull OfferRequest request) {
        Offer offer = needs.post(request.toOffer(), caller.subject());
        return Response.created(URI.create("/offers/" + offer.id)).entity(OfferView.of(offer)).build();
    }

    @GET
    @PermitAll
    public Page<OfferView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size);
        PanacheQuery<Offer> query = Offer.find("status", Sort.descending("postedAt").and("id"), Offer.Status.OPEN);
        List<OfferView> items = query.page(page, size).list().stream().map(OfferView::of).toList();
        return new Page<>(items, page, size, query.count());
    }

    @GET
    @Path("{id}")
    @PermitAll
    public OfferView get(@PathParam("id") UUID id) {
        return OfferView.of(needs.findOffer(id));
    }
}

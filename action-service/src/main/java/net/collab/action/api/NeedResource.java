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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.action.api.ActionViews.BeneficiaryData;
import net.collab.action.api.ActionViews.NeedRequest;
import net.collab.action.api.ActionViews.NeedView;
import net.collab.action.api.ActionViews.WithdrawalRequest;
import net.collab.action.domain.PersonalDataAccess;
import net.collab.action.domain.Need;
import net.collab.action.domain.NeedsAndOffers;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.membership.AreaReplica;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.Page;
import net.collab.web.QueryParams;

@Path("/needs")
@Produces(MediaType.APPLICATION_JSON)
public class NeedResource {

    @Inject
    NeedsAndOffers needs;

    @Inject
    Caller caller;

    @Inject
    AreaReplica areas;

    @Inject
    net.collab.membership.OrganizationReplica organizations;

    /** A member of an approved organization posts what the organization lacks. */
    @POST
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)
    public Response post(@Valid @NotNull NeedRequest request) {
        Need need = needs.post(request.toNeed(), request.beneficiary() == null ? null : request.beneficiary().toBeneficiary(),
                caller.subject());
        return Response.created(URI.create("/needs/" + need.id())).entity(view(need)).build();
    }

    /** Open needs, newest first; public, without personal data. */
    @GET
    @PermitAll
    public Page<NeedView> list(@QueryParam("category") String categoryName,
            @QueryParam("organizationId") String organizationId, @QueryParam("actionId") String actionId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        ResourceCategory category = QueryParams.enumValue(ResourceCategory.class, "category", categoryName);
        var found = needs.openNeeds(category, QueryParams.uuid("organizationId", organizationId),
                QueryParams.uuid("actionId", actionId), paging.page(), paging.size());
        // one query each for the page's places and organizations
        var places = areas.places(found.items().stream().map(Need::areaCode).distinct().toList());
        var names = organizations.names(found.items().stream().map(Need::organizationId).distinct().toList());
        return Page.of(found.map(need -> NeedView.of(need, places, names)), paging);
    }

    @GET
    @Path("{id}")
    @PermitAll
    public NeedView get(@PathParam("id") UUID id) {
        return view(needs.findNeed(id));
    }

    /** The beneficiary's personal data: for the requesting organization and the coordinator; every read is audited. */
    @GET
    @Path("{id}/beneficiary")
    @Authenticated
    public BeneficiaryData beneficiary(@PathParam("id") UUID id) {
        return BeneficiaryData.of(needs.readBeneficiary(id, caller.subject(), caller.isCoordinator()));
    }

    public record AccessView(String subject, PersonalDataAccess.Role asRole, java.time.OffsetDateTime accessedAt) {
    }

    /** The audit log of reads of the beneficiary's data. */
    @GET
    @Path("{id}/beneficiary/accesses")
    @Authenticated
    public Page<AccessView> beneficiaryAccesses(@PathParam("id") UUID id,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return Page.of(needs.beneficiaryAccesses(id, caller.subject(), caller.isCoordinator(), paging.page(), paging.size())
                .map(access -> new AccessView(access.subject, access.asRole, access.accessedAt)), paging.page(), paging.size());
    }

    @POST
    @Path("{id}/withdrawal")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)
    public NeedView withdraw(@PathParam("id") UUID id, @Valid WithdrawalRequest request) {
        return view(needs.withdrawNeed(id, request == null ? null : request.reason(), caller.subject()));
    }

    private NeedView view(Need need) {
        return NeedView.of(need, areas.places(List.of(need.areaCode())), organizations.names(List.of(need.organizationId())));
    }
}

package net.collab.registry.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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

import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.registry.api.OrganizationViews.ApplicationRequest;
import net.collab.registry.api.OrganizationViews.DecisionRequest;
import net.collab.registry.api.OrganizationViews.MemberView;
import net.collab.registry.api.OrganizationViews.OrganizationView;
import net.collab.registry.api.OrganizationViews.PublicOrganization;
import net.collab.registry.domain.Organization;
import net.collab.registry.domain.OrganizationService;
import net.collab.registry.domain.RegistryException;
import net.collab.web.Caller;
import net.collab.web.Page;

@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @Inject
    Caller caller;

    /** A signed-in person applies for an organization and becomes its administrator. */
    @POST
    @Authenticated
    public Response apply(@Valid @NotNull ApplicationRequest request) {
        Organization organization = organizations.apply(request.toApplication(), caller.subject());
        return Response.created(URI.create("/organizations/" + organization.id))
                .entity(OrganizationView.of(organization)).build();
    }

    /** The public directory: approved organizations only. */
    @GET
    @PermitAll
    public Page<PublicOrganization> directory(@QueryParam("kind") OrganizationKind kind,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size);
        PanacheQuery<Organization> query = kind == null
                ? Organization.find("status", Sort.by("nameZh").and("id"), OrganizationStatus.APPROVED)
                : Organization.find("status = ?1 and kind = ?2", Sort.by("nameZh").and("id"), OrganizationStatus.APPROVED, kind);
        List<PublicOrganization> items = query.page(page, size).list().stream().map(PublicOrganization::of).toList();
        return new Page<>(items, page, size, query.count());
    }

    /** The organizations the caller belongs to, whatever their status. */
    @GET
    @Path("mine")
    @Authenticated
    @jakarta.transaction.Transactional
    public List<OrganizationView> mine() {
        return Organization.<Organization>list("select o from Organization o join o.members m where m.subject = ?1 order by o.nameZh",
                caller.subject()).stream().map(OrganizationView::of).toList();
    }

    /**
     * An approved organization is public; an application is seen only by its members and the
     * coordinator (others get 404, so that applications do not leak).
     */
    @GET
    @Path("{id}")
    @PermitAll
    public Object get(@PathParam("id") UUID id) {
        Organization organization = organizations.find(id);
        boolean insider = !caller.isAnonymous() && (caller.isCoordinator() || organization.hasMember(caller.subject()));
        if (insider) {
            return OrganizationView.of(organization);
        }
        if (organization.status != OrganizationStatus.APPROVED) {
            throw new RegistryException.NotFound("organization " + id);
        }
        return PublicOrganization.of(organization);
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Caller.COORDINATOR)
    public OrganizationView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return OrganizationView.of(organizations.decide(id, request.approves(), request.reason()));
    }

    @GET
    @Path("{id}/members")
    @Authenticated
    public List<MemberView> members(@PathParam("id") UUID id) {
        Organization organization = organizations.find(id);
        if (!caller.isCoordinator() && !organization.hasMember(caller.subject())) {
            throw net.collab.web.ProblemException.forbidden("only members of the organization and the coordinator see its members");
        }
        return organization.members.stream().map(MemberView::of)
                .sorted((a, b) -> a.subject().compareTo(b.subject())).toList();
    }
}

package net.collab.registry.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.registry.api.OrganizationViews.ApplicationRequest;
import net.collab.registry.api.OrganizationViews.DecisionRequest;
import net.collab.registry.api.OrganizationViews.OptionalReasonRequest;
import net.collab.registry.api.OrganizationViews.OrganizationView;
import net.collab.registry.api.OrganizationViews.ProfileChange;
import net.collab.registry.api.OrganizationViews.PublicOrganization;
import net.collab.registry.api.OrganizationViews.ReasonRequest;
import net.collab.registry.api.OrganizationViews.SponsorshipAnswer;
import net.collab.registry.domain.Actor;
import net.collab.registry.domain.Organization;
import net.collab.registry.domain.OrganizationDirectory;
import net.collab.registry.domain.OrganizationService;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.Page;
import net.collab.domain.Refusal;

@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationDirectory directory;

    @Inject
    Caller caller;

    /** A signed-in person applies for an organization and becomes its administrator. */
    @POST
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.SIGNED_IN)
    public Response apply(@Valid @NotNull ApplicationRequest request) {
        Organization organization = organizations.apply(request.toProfile(), caller.subject());
        return Response.created(URI.create("/organizations/" + organization.id()))
                .entity(OrganizationView.of(organization)).build();
    }

    /**
     * The public directory of approved organizations: filters combine; {@code area} means the
     * area's whole subtree (and organizations serving an area that contains it); {@code q} finds
     * a substring of the Chinese or English name.
     */
    @GET
    @PermitAll
    public Page<PublicOrganization> search(@BeanParam DirectoryFilters filters) {
        Page.Request paging = filters.paging();
        return Page.of(directory.search(filters.criteria(), filters.order(), paging.page(), paging.size())
                .map(PublicOrganization::of), paging);
    }

    /** The caller's organizations, whatever their status. */
    @GET
    @Path("mine")
    @Authenticated
    @Transactional
    public List<OrganizationView> mine() {
        return organizations.of(caller.subject()).stream().map(OrganizationView::of).toList();
    }

    /** The coordinator's queue: applications not decided yet, oldest first, with everything the decision needs. */
    @GET
    @Path("applications")
    @RolesAllowed(Caller.COORDINATOR)
    public Page<OrganizationView> applications(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return Page.of(directory.awaitingDecision(paging.page(), paging.size()).map(OrganizationView::of), paging);
    }

    /**
     * An approved organization's public profile for anyone; everything (private contacts, status
     * reason) for its members, its sponsoring hub and the coordinator. Others do not learn that
     * an application exists (404).
     */
    @GET
    @Path("{id}")
    @PermitAll
    @Transactional
    public Object get(@PathParam("id") UUID id) {
        Organization organization = organizations.find(id);
        if (organizations.isInsider(organization, actorOrNull())) {
            return OrganizationView.of(organization);
        }
        if (organization.status() != OrganizationStatus.APPROVED) {
            throw Refusal.notFound("organization " + id);
        }
        return PublicOrganization.of(organization);
    }

    @PATCH
    @Path("{id}")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public OrganizationView update(@PathParam("id") UUID id, @Valid @NotNull ProfileChange change) {
        return OrganizationView.of(organizations.update(id, change.toProfile(), actor()));
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Caller.COORDINATOR)
    @Extension(name = Callers.EXTENSION, value = Callers.COORDINATOR)
    public OrganizationView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return OrganizationView.of(organizations.decide(id, request.approves(), request.reason()));
    }

    @POST
    @Path("{id}/suspension")
    @RolesAllowed(Caller.COORDINATOR)
    @Extension(name = Callers.EXTENSION, value = Callers.COORDINATOR)
    public OrganizationView suspend(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return OrganizationView.of(organizations.suspend(id, request.reason()));
    }

    @POST
    @Path("{id}/reinstatement")
    @RolesAllowed(Caller.COORDINATOR)
    @Extension(name = Callers.EXTENSION, value = Callers.COORDINATOR)
    public OrganizationView reinstate(@PathParam("id") UUID id, @Valid OptionalReasonRequest request) {
        return OrganizationView.of(organizations.reinstate(id, request == null ? null : request.reason()));
    }

    /** One hub and the groups it sponsors. */
    public record Sponsorship(UUID hubId, String hubNameZh, List<SponsoredGroup> groups) {
    }

    public record SponsoredGroup(UUID id, String nameZh, OrganizationStatus status,
            Organization.SponsorshipStatus sponsorshipStatus) {
    }

    /** Who sponsors whom, across the network: for the coordinator. */
    @GET
    @Path("sponsorships")
    @RolesAllowed(Caller.COORDINATOR)
    @Transactional
    public List<Sponsorship> sponsorships() {
        return organizations.sponsorships().entrySet().stream()
                .map(entry -> new Sponsorship(entry.getKey().id(), entry.getKey().nameZh(), entry.getValue().stream()
                        .map(group -> new SponsoredGroup(group.id(), group.nameZh(), group.status(), group.sponsorshipStatus()))
                        .toList()))
                .toList();
    }

    /**
     * The hub a grassroots group names as its sponsor accepts (or declines): until it accepts,
     * the hub has no say over the group. By the hub's administrators or the coordinator.
     */
    @POST
    @Path("{id}/sponsorship/answer")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.SPONSOR_ADMINISTRATOR)
    public OrganizationView answerSponsorship(@PathParam("id") UUID id, @Valid @NotNull SponsorshipAnswer answer) {
        return OrganizationView.of(organizations.answerSponsorship(id, answer.accepts(), actor()));
    }

    /** The grassroots groups that name a hub as sponsor, with the hub's answer: for the hub's administrators and the coordinator. */
    @GET
    @Path("{id}/sponsored")
    @Authenticated
    @Transactional
    public List<OrganizationView> sponsored(@PathParam("id") UUID id) {
        return organizations.sponsored(id, actor()).stream().map(OrganizationView::of).toList();
    }

    private Actor actor() {
        return new Actor(caller.subject(), caller.isCoordinator());
    }

    private Actor actorOrNull() {
        return caller.isAnonymous() ? null : actor();
    }
}

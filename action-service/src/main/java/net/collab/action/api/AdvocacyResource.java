package net.collab.action.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.action.api.ActionResource.Labelled;
import net.collab.action.api.ActionViews.WithdrawalRequest;
import net.collab.action.domain.Advocacy;
import net.collab.action.domain.AdvocacyPost;
import net.collab.domain.Slice;
import net.collab.events.Vocabulary.AdvocacyAudience;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.web.AtomFeed;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.Page;
import net.collab.web.QueryParams;

/** Advocacy (倡导): posts for the public or the sector, published by organizations' administrators, read by anyone. */
@Path("/advocacy")
@Produces(MediaType.APPLICATION_JSON)
public class AdvocacyResource {

    @Inject
    Advocacy advocacy;

    @Inject
    Caller caller;

    @Inject
    AreaReplica areas;

    @Inject
    OrganizationReplica organizations;

    public record AdvocacyRequest(
            @NotNull UUID organizationId,
            @NotNull AdvocacyAudience audience,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String body,
            @Size(max = 10) List<@NotNull ServiceDomain> domains,
            @Size(max = 50) List<@NotNull @Pattern(regexp = ActionViews.AREA_CODE,
                    message = ActionViews.AREA_CODE_MESSAGE) String> areaCodes) {

        AdvocacyPost.Draft toDraft() {
            return new AdvocacyPost.Draft(organizationId, audience, title.strip(), body.strip(),
                    domains == null ? List.of() : domains, areaCodes == null ? List.of() : areaCodes);
        }
    }

    public record AdvocacyView(UUID id, UUID organizationId, String organizationName, AdvocacyAudience audience,
            String audienceLabel, String title, String body, List<Labelled> domains, List<AreaReplica.Place> places,
            OffsetDateTime publishedAt) {
    }

    @POST
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public Response publish(@Valid @NotNull AdvocacyRequest request) {
        AdvocacyPost post = advocacy.publish(request.toDraft(), caller.subject());
        return Response.created(URI.create("/advocacy/" + post.id())).entity(views(List.of(post)).get(0)).build();
    }

    /** Taken down by an administrator of the organization: no longer listed (AdvocacyWithdrawn). */
    @POST
    @Path("{id}/withdrawal")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public Response withdraw(@PathParam("id") UUID id, @Valid WithdrawalRequest request) {
        advocacy.withdraw(id, request == null ? null : request.reason(), caller.subject());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public AdvocacyView get(@PathParam("id") UUID id) {
        return views(List.of(advocacy.find(id))).get(0);
    }

    @GET
    @PermitAll
    public Page<AdvocacyView> list(@BeanParam Filters filters) {
        Page.Request paging = Page.request(filters.page, filters.size);
        Slice<AdvocacyPost> found = advocacy.search(filters.criteria(), paging.page(), paging.size());
        return Page.of(new Slice<>(views(found.items()), found.total()), paging);
    }

    /** The newest posts (same filters) as an Atom feed. */
    @GET
    @Path("feed")
    @PermitAll
    @Produces(AtomFeed.MEDIA_TYPE)
    public String feed(@BeanParam Filters filters, @Context UriInfo uri) {
        List<AtomFeed.Entry> entries = views(advocacy.search(filters.criteria(), 0, ActionResource.FEED_SIZE).items()).stream()
                .map(post -> new AtomFeed.Entry(post.id(), "[" + post.audienceLabel() + "] " + post.title(), post.organizationName(),
                        uri.getBaseUriBuilder().path("advocacy").path(post.id().toString()).build(), post.body(),
                        post.domains().stream().map(Labelled::label).toList(), post.publishedAt(), post.publishedAt()))
                .toList();
        return AtomFeed.write(uri.getRequestUri(), "倡导 Advocacy", entries, OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    private List<AdvocacyView> views(List<AdvocacyPost> found) {
        Map<UUID, String> names = organizations.names(found.stream().map(AdvocacyPost::organizationId).distinct().toList());
        Map<String, AreaReplica.Place> places = areas.places(found.stream().flatMap(post -> post.areaCodes().stream())
                .distinct().toList());
        return found.stream().map(post -> new AdvocacyView(post.id(), post.organizationId(), names.get(post.organizationId()),
                post.audience(), post.audience().labelZh, post.title(), post.body(),
                post.domains().stream().map(domain -> new Labelled(domain.name(), domain.labelZh)).toList(),
                ActionResource.placesOf(post.areaCodes(), places), post.publishedAt())).toList();
    }

    /** The list's filters as query parameters. */
    public static class Filters {
        @QueryParam("audience")
        String audience;
        @QueryParam("domain")
        String domain;
        @QueryParam("organizationId")
        String organizationId;
        @QueryParam("area")
        String area;
        @QueryParam("q")
        String text;
        @QueryParam("page")
        String page;
        @QueryParam("size")
        String size;

        Advocacy.Criteria criteria() {
            return new Advocacy.Criteria(QueryParams.enumValue(AdvocacyAudience.class, "audience", audience),
                    QueryParams.enumValue(ServiceDomain.class, "domain", domain), QueryParams.uuid("organizationId", organizationId),
                    ActionResource.areaCode(area), QueryParams.text("q", text));
        }
    }
}

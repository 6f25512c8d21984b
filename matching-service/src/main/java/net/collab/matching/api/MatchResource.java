package net.collab.matching.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import net.collab.matching.domain.Match;
import net.collab.matching.domain.MatchQueries;
import net.collab.membership.OrganizationReplica;
import net.collab.web.Caller;
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

    public record MatchView(UUID id, UUID needId, UUID offerId, UUID requesterOrganizationId, UUID providerOrganizationId,
            BigDecimal quantity, String unit, Match.Status status, String explanation, OffsetDateTime proposedAt) {
        static MatchView of(Match match) {
            return new MatchView(match.id, match.needId, match.offerId, match.requesterOrganizationId,
                    match.providerOrganizationId, match.quantity, match.unit, match.status, match.explanation,
                    match.proposedAt);
        }
    }

    /** Who is helping with a need, a page at a time: public, like the need itself (no personal data here). */
    @GET
    @Path("needs/{id}/matches")
    @PermitAll
    public Page<MatchView> forNeed(@PathParam("id") UUID needId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return Page.of(matches.forNeed(needId, paging.page(), paging.size()).map(MatchView::of), paging);
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
        if (!caller.isCoordinator() && !organizations.isMember(organizationId, caller.subject())) {
            throw Refusal.forbidden("only members of the organization and the coordinator see its matches");
        }
        return Page.of(matches.forOrganization(organizationId, status, paging.page(), paging.size()).map(MatchView::of), paging);
    }
}

package net.collab.matching.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;

import net.collab.matching.domain.Match;
import net.collab.membership.OrganizationReplica;
import net.collab.web.Caller;
import net.collab.web.QueryParams;
import net.collab.domain.Refusal;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    @Inject
    Caller caller;

    @Inject
    OrganizationReplica organizations;

    public record MatchView(UUID id, UUID needId, UUID offerId, UUID requesterOrganizationId, UUID providerOrganizationId,
            BigDecimal quantity, String unit, Match.Status status, String explanation, OffsetDateTime proposedAt) {
        static MatchView of(Match match) {
            return new MatchView(match.id, match.needId, match.offerId, match.requesterOrganizationId,
                    match.providerOrganizationId, match.quantity, match.unit, match.status, match.explanation,
                    match.proposedAt);
        }
    }

    /** Who is helping with a need: public, like the need itself (no personal data here). */
    @GET
    @Path("needs/{id}/matches")
    @PermitAll
    @Transactional
    public List<MatchView> forNeed(@PathParam("id") UUID needId) {
        return Match.<Match>list("needId", Sort.by("proposedAt").and("id"), needId).stream().map(MatchView::of).toList();
    }

    /** An organization's matches, as requester or provider: for its members and the coordinator. */
    @GET
    @Path("matches")
    @Authenticated
    @Transactional
    public List<MatchView> forOrganization(@QueryParam("org") UUID organizationId, @QueryParam("status") String statusName) {
        Match.Status status = QueryParams.enumValue(Match.Status.class, "status", statusName);
        if (organizationId == null) {
            throw Refusal.invalid("org", "is required: the organization whose matches to list");
        }
        if (!caller.isCoordinator() && !organizations.isMember(organizationId, caller.subject())) {
            throw Refusal.forbidden("only members of the organization and the coordinator see its matches");
        }
        String query = "(requesterOrganizationId = ?1 or providerOrganizationId = ?1)" + (status == null ? "" : " and status = ?2");
        List<Match> matches = status == null
                ? Match.list(query, Sort.descending("proposedAt"), organizationId)
                : Match.list(query, Sort.descending("proposedAt"), organizationId, status);
        return matches.stream().map(MatchView::of).toList();
    }
}

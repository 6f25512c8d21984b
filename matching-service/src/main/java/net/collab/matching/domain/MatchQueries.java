package net.collab.matching.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import net.collab.domain.Slice;

/** What the API reads of matches, a page at a time. */
@ApplicationScoped
public class MatchQueries {

    /** The proposals made for a need, oldest first. */
    @Transactional
    public Slice<Match> forNeed(UUID needId, int page, int size) {
        PanacheQuery<Match> query = Match.find("needId", Sort.by("proposedAt").and("id"), needId);
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    /** Needs escalated to the coordinator and still not covered, longest waiting first. */
    @Transactional
    public Slice<NeedReplica> escalated(int page, int size) {
        PanacheQuery<NeedReplica> query = NeedReplica.find("escalatedAt is not null and open = true and quantityCovered < quantity",
                Sort.by("postedAt").and("id"));
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    /** An organization's matches, as requester or provider, optionally in one status, newest first. */
    @Transactional
    public Slice<Match> forOrganization(UUID organizationId, Match.Status status, int page, int size) {
        PanacheQuery<Match> query = Match.find(
                "(requesterOrganizationId = :organization or providerOrganizationId = :organization)"
                        + " and (:status is null or status = :status)",
                Sort.descending("proposedAt").and("id"),
                Parameters.with("organization", organizationId).and("status", status));
        return new Slice<>(query.page(page, size).list(), query.count());
    }
}

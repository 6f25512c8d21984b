package net.collab.matching.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.collab.domain.Refusal;
import net.collab.membership.Memberships;

/**
 * What the parties do with a proposal: the provider's members accept, decline or report a delivery;
 * the requester's members confirm receipt. Anyone else is refused (403).
 */
@ApplicationScoped
public class MatchLifecycle {

    @Inject
    Memberships memberships;

    @Inject
    Matcher matcher;

    @Inject
    MatchEvents events;

    @Inject
    ProviderRecords providers;

    @Transactional
    public Match accept(UUID matchId, String subject) {
        matcher.lock(); // before any write: matching locks first and then writes the same rows
        Match match = find(matchId);
        memberships.requireActiveMember(match.providerOrganizationId(), subject);
        match.accept(now());
        providers.accepted(match.providerOrganizationId());
        events.accepted(match);
        return match;
    }

    @Transactional
    public Match decline(UUID matchId, String reason, String subject) {
        matcher.lock();
        Match match = find(matchId);
        memberships.requireActiveMember(match.providerOrganizationId(), subject);
        match.decline(reason, now());
        providers.declined(match.providerOrganizationId());
        events.declined(match);
        Match.flush(); // the released quantity is matched again in this transaction, once the decline is written
        matcher.released(match);
        return match;
    }

    @Transactional
    public Delivery deliver(UUID matchId, BigDecimal quantity, String note, String subject) {
        matcher.lock();
        Match match = find(matchId);
        memberships.requireActiveMember(match.providerOrganizationId(), subject);
        match.deliver(quantity);
        if (match.status() == Match.Status.DELIVERED) {
            providers.delivered(match.providerOrganizationId());
        }
        Delivery delivery = Delivery.of(match, quantity, note, subject, now());
        delivery.persist();
        events.delivered(match, delivery);
        return delivery;
    }

    @Transactional
    public Match confirm(UUID matchId, String subject) {
        matcher.lock();
        Match match = find(matchId);
        memberships.requireActiveMember(match.requesterOrganizationId(), subject);
        match.confirm(now()); // the provider's load already went down when everything was delivered
        events.confirmed(match);
        return match;
    }

    @Transactional
    public Match find(UUID matchId) {
        Match match = Match.findById(matchId);
        if (match == null) {
            throw Refusal.notFound("match " + matchId);
        }
        return match;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

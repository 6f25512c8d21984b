package net.collab.matching.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Incremental matching: each new need looks for offers, each new offer for needs. Matching runs one
 * transaction at a time (an advisory lock), so two events cannot promise the same quantity twice.
 */
@ApplicationScoped
public class Matcher {

    private static final String MATCHING_LOCK = "matching";

    @Inject
    EntityManager entityManager;

    @Inject
    MatchEvents events;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> needPosted(NeedReplica need) {
        lockMatching();
        if (NeedReplica.findById(need.id) != null) {
            return List.of(); // already known: the event was published twice by the outbox relay
        }
        need.persist();
        return matchWithOpenOffers(need);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> offerPosted(OfferReplica offer) {
        lockMatching();
        if (OfferReplica.findById(offer.id) != null) {
            return List.of();
        }
        offer.persist();
        return matchWithOpenNeeds(offer);
    }

    /** Proposes the open offers of the need's category, oldest first, while the need lacks something. */
    private List<Match> matchWithOpenOffers(NeedReplica need) {
        List<Match> proposed = new ArrayList<>();
        for (OfferReplica offer : OfferReplica.<OfferReplica>list("category = ?1 and open = true order by postedAt, id",
                need.category)) {
            proposeIfMatching(need, offer).ifPresent(proposed::add);
        }
        return proposed;
    }

    /** Proposes the offer to the open needs of its category, most urgent first, then oldest. */
    private List<Match> matchWithOpenNeeds(OfferReplica offer) {
        List<Match> proposed = new ArrayList<>();
        for (NeedReplica need : NeedReplica.<NeedReplica>list("category = ?1 and open = true", offer.category).stream()
                .sorted(Comparator.comparing((NeedReplica candidate) -> candidate.urgency).reversed()
                        .thenComparing(candidate -> candidate.postedAt))
                .toList()) {
            proposeIfMatching(need, offer).ifPresent(proposed::add);
        }
        return proposed;
    }

    /**
     * The need leaves matching: its proposals are cancelled (MatchCancelled), and, when it is closed
     * for good (withdrawn, expired), its accepted matches not yet delivered too; the quantity they held
     * goes back to their offers, which are offered to the other open needs at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void needClosed(UUID needId, boolean forGood, String reason) {
        NeedReplica need = NeedReplica.findById(needId);
        if (need == null) {
            return;
        }
        lockMatching(); // not while a proposal is being made
        need.open = false;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<OfferReplica> released = new ArrayList<>();
        for (Match match : Match.<Match>list("needId", needId)) {
            if (match.cancel(forGood, reason, now)) {
                events.cancelled(match);
                OfferReplica offer = OfferReplica.findById(match.offerId());
                if (offer != null && !released.contains(offer)) {
                    released.add(offer);
                }
            }
        }
        Match.flush(); // the cancelled matches hold nothing from here on
        for (OfferReplica offer : released) {
            refreshAvailable(offer);
            if (offer.open) {
                matchWithOpenNeeds(offer);
            }
        }
    }

    /** A paused need (its organization reinstated) is matched again against the open offers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> needReopened(UUID needId) {
        NeedReplica need = NeedReplica.findById(needId);
        if (need == null || need.open) {
            return List.of();
        }
        lockMatching();
        need.open = true;
        return matchWithOpenOffers(need);
    }

    /** A paused offer (its organization reinstated) is matched again against the open needs, most urgent first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> offerReopened(UUID offerId) {
        OfferReplica offer = OfferReplica.findById(offerId);
        if (offer == null || offer.open) {
            return List.of();
        }
        lockMatching();
        offer.open = true;
        return matchWithOpenNeeds(offer);
    }

    /**
     * The offer leaves matching: its proposals not yet accepted are cancelled (MatchCancelled), and
     * the needs they were for look for other offers at once. Accepted matches stand: the provider
     * promised them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offerClosed(UUID offerId, String reason) {
        OfferReplica offer = OfferReplica.findById(offerId);
        if (offer == null) {
            return;
        }
        lockMatching();
        offer.open = false;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> needs = new ArrayList<>();
        for (Match match : Match.<Match>list("offerId", offerId)) {
            if (match.cancel(false, reason, now)) {
                events.cancelled(match);
                needs.add(match.needId());
            }
        }
        Match.flush();
        refreshAvailable(offer);
        for (UUID needId : needs) {
            NeedReplica need = NeedReplica.findById(needId);
            if (need != null && need.open) {
                matchWithOpenOffers(need);
            }
        }
    }

    /**
     * The provider has more or less than it said. What was proposed stays proposed; what is free is
     * the new whole less what proposals hold (never below nothing), and more free is offered to the
     * open needs at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> offerQuantityChanged(UUID offerId, BigDecimal quantity) {
        OfferReplica offer = OfferReplica.findById(offerId);
        if (offer == null) {
            return List.of();
        }
        lockMatching();
        BigDecimal before = offer.quantityAvailable;
        offer.quantity = quantity;
        refreshAvailable(offer);
        return offer.quantityAvailable.compareTo(before) > 0 && offer.open ? matchWithOpenNeeds(offer) : List.of();
    }

    /** What is free: the offer's whole quantity less what its proposals still hold, never below nothing. */
    private void refreshAvailable(OfferReplica offer) {
        BigDecimal held = entityManager.createQuery(
                "select coalesce(sum(m.quantity), 0) from Match m where m.offerId = ?1 and m.status not in ?2", BigDecimal.class)
                .setParameter(1, offer.id).setParameter(2, Match.Status.RELEASED).getSingleResult();
        offer.quantityAvailable = offer.quantity.subtract(held).max(BigDecimal.ZERO);
    }

    private java.util.Optional<Match> proposeIfMatching(NeedReplica need, OfferReplica offer) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (!MatchRule.matches(need, offer, now)) {
            return java.util.Optional.empty();
        }
        Proposed proposed = proposedFor(need.id, offer.id);
        BigDecimal uncovered = need.quantity.subtract(proposed.quantity());
        if (uncovered.signum() <= 0 || proposed.byThisOffer()) {
            return java.util.Optional.empty();
        }
        BigDecimal quantity = uncovered.min(offer.quantityAvailable);
        Match match = Match.propose(need, offer, quantity, MatchRule.explain(need, offer, quantity), now);
        match.persist();
        offer.quantityAvailable = offer.quantityAvailable.subtract(quantity);
        events.proposed(match, need);
        return java.util.Optional.of(match);
    }

    /**
     * The provider declined: the quantity it held is free again; the need looks for other offers at
     * once (never the same one again), and the offer for other needs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> released(Match match) {
        lockMatching();
        List<Match> proposed = new ArrayList<>();
        OfferReplica offer = OfferReplica.findById(match.offerId());
        if (offer != null) {
            refreshAvailable(offer);
        }
        NeedReplica need = NeedReplica.findById(match.needId());
        if (need != null && need.open) {
            proposed.addAll(matchWithOpenOffers(need));
        }
        if (offer != null && offer.open) {
            proposed.addAll(matchWithOpenNeeds(offer));
        }
        return proposed;
    }

    /** What is already proposed for the need (declined and cancelled proposals hold nothing), and whether this offer was ever proposed to it. */
    private record Proposed(BigDecimal quantity, boolean byThisOffer) {
    }

    private Proposed proposedFor(UUID needId, UUID offerId) {
        Object[] row = (Object[]) entityManager.createQuery("""
                select coalesce(sum(case when m.status not in ?3 then m.quantity else 0 end), 0),
                    count(case when m.offerId = ?2 then 1 end)
                from Match m where m.needId = ?1""")
                .setParameter(1, needId).setParameter(2, offerId).setParameter(3, Match.Status.RELEASED).getSingleResult();
        return new Proposed((BigDecimal) row[0], ((Number) row[1]).longValue() > 0);
    }

    private void lockMatching() {
        // One lock for all matching, taken once per transaction. (A lock per category, taken in the
        // order of a batch's records, let the needs and the offers consumers deadlock each other.)
        if (transactions.getResource(MATCHING_LOCK) != null) {
            return;
        }
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, MATCHING_LOCK)
                .getSingleResult();
        transactions.putResource(MATCHING_LOCK, Boolean.TRUE);
    }
}

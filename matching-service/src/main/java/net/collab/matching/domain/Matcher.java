package net.collab.matching.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import net.collab.matching.config.MatchingSettings;
import net.collab.membership.AreaReplica;

/**
 * Incremental, indexed, ranked matching. Each new need looks for the offers that cover its place
 * (those at its own area or an ancestor: at most five codes, through an index), each new offer for
 * the open needs in its area's subtree (an index range); the database ranks the candidates (see
 * {@link Ranking}) and hands over only a batch at a time, so an event's cost follows what it
 * proposes, not how many items are open. Quantities proposed are reserved on both sides. Matching
 * runs one transaction at a time (an advisory lock), so two events, or two instances, never promise
 * the same units twice.
 */
@ApplicationScoped
public class Matcher {

    private static final String MATCHING_LOCK = "matching";
    /** Candidates fetched at a time; another batch only if the first did not cover everything. */
    static final int BATCH = 20;

    @Inject
    EntityManager entityManager;

    @Inject
    MatchEvents events;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MatchingSettings settings;

    @Inject
    AreaReplica areas;

    @Inject
    ProviderRecords providers;

    @Inject
    NeedPriorities priorities;

    private Ranking ranking;

    @PostConstruct
    void rank() {
        ranking = new Ranking(settings.weights());
        if (settings.takeoverMargin() < 0) {
            throw new IllegalStateException("collabnet.matching.takeover-margin must not be negative: a need would take over"
                    + " from needs ranked higher");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> needPosted(NeedReplica need) {
        lockMatching();
        if (NeedReplica.findById(need.id) != null) {
            return List.of(); // already known: the event was published twice by the outbox relay
        }
        need.itemKey = ItemSynonyms.key(need.item);
        need.persist();
        entityManager.flush();
        priorities.of(need.id);
        return matchWithOpenOffers(need);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> offerPosted(OfferReplica offer) {
        lockMatching();
        if (OfferReplica.findById(offer.id) != null) {
            return List.of();
        }
        offer.itemKey = ItemSynonyms.key(offer.item);
        offer.persist();
        return matchWithOpenNeeds(offer);
    }

    /** The best offers for the need, a batch at a time, until it is covered or none is left; then proposals it may take over. */
    private List<Match> matchWithOpenOffers(NeedReplica need) {
        List<Match> proposed = matchWithFreeOffers(need);
        if (need.open && need.uncovered().signum() > 0) {
            proposed.addAll(takeOverLessUrgentProposals(need));
        }
        return proposed;
    }

    /** The best offers with quantity free for the need, a batch at a time, until it is covered or none is left. */
    private List<Match> matchWithFreeOffers(NeedReplica need) {
        List<Match> proposed = new ArrayList<>();
        List<String> ancestors = ancestors(need.areaCode);
        while (need.open && need.uncovered().signum() > 0) {
            entityManager.flush(); // the candidates' query sees what this transaction proposed so far
            List<?> rows = entityManager.createNativeQuery("""
                    with n as (select * from need_replica where id = ?1)
                    select o.id""" + ranking.columns() + """
                     from n
                    join offer_replica o on o.open and o.category = n.category and o.item_key = n.item_key
                        and o.unit = n.unit and o.area_code in (?2) and o.quantity_available > 0
                        and (o.available_until is null or o.available_until > now())
                        and o.organization_id <> n.organization_id""" + RANKED_PARTIES + """
                    where (n.deadline is null or n.deadline > now())
                        and not exists (select 1 from match m where m.need_id = n.id and m.offer_id = o.id and m.status <> 'CANCELLED')
                    order by 8 desc, o.posted_at, o.id limit ?3""")
                    .setParameter(1, need.id).setParameter(2, ancestors).setParameter(3, BATCH).getResultList();
            Map<UUID, OfferReplica> offers = OfferReplica.<OfferReplica>list("id in ?1", ids(rows)).stream()
                    .collect(Collectors.toMap(offer -> offer.id, Function.identity()));
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                propose(need, offers.get((UUID) columns[0]), ranking.scored(columns)).ifPresent(proposed::add);
                if (need.uncovered().signum() <= 0) {
                    break;
                }
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        return proposed;
    }

    /**
     * Both organizations approved, and what the ranking reads besides the need {@code n} and the offer
     * {@code o}: the need's area {@code a} and the provider's record {@code p}.
     */
    private static final String RANKED_PARTIES = """

            join organization_replica requester on requester.id = n.organization_id and requester.status = 'APPROVED'
            join organization_replica provider on provider.id = o.organization_id and provider.status = 'APPROVED'
            left join area_replica a on a.code = n.area_code collate "default"
            left join provider_record p on p.organization_id = o.organization_id
            """;

    /** The open needs not yet covered that an offer may serve (the condition on their area follows). */
    private static final String NEEDS_FOR_OFFER = """
            select n.* from need_replica n
            join organization_replica requester on requester.id = n.organization_id and requester.status = 'APPROVED'
            where n.open and n.quantity_covered < n.quantity and n.category = ?3 and n.item_key = ?4 and n.unit = ?5
                and (n.deadline is null or n.deadline > now()) and n.organization_id <> ?6
                and not exists (select 1 from match m where m.need_id = n.id and m.offer_id = ?1 and m.status <> 'CANCELLED')""";

    /**
     * An offer for a district or wider sees thousands of needs in a large city: only this many, the
     * most in need by their own priority (urgency, risk), are ranked in full (the deadline and
     * closeness can reorder them, not bring in one from further down).
     */
    static final int WIDE_OFFER_CANDIDATES = 10 * BATCH;

    /** The needs the offer serves best, a batch at a time, until it is used up or none is left. */
    private List<Match> matchWithOpenNeeds(OfferReplica offer) {
        List<Match> proposed = new ArrayList<>();
        // A street's or a community's needs are few: all are ranked. A district's or the city's are walked by priority.
        boolean wide = offer.areaCode.length() <= 6 && offer.areaCode.chars().allMatch(c -> c >= '0' && c <= '9');
        String candidates = !wide ? NEEDS_FOR_OFFER + " and n.area_code >= ?7 and n.area_code < ?7 || ':'"
                // The area as a literal (digits only): the query is planned for this area's share of the needs. A
                // cached plan made for any area assumes a small share, and sorts every need of the city instead.
                : NEEDS_FOR_OFFER + " and n.area_code >= '" + offer.areaCode + "' and n.area_code < '" + offer.areaCode
                        + ":' order by n.priority desc, n.posted_at, n.id limit " + WIDE_OFFER_CANDIDATES;
        while (offer.open && offer.quantityAvailable.signum() > 0) {
            entityManager.flush();
            var query = entityManager.createNativeQuery("with o as (select * from offer_replica where id = ?1), n as ("
                    + candidates + ")\nselect n.id" + ranking.columns() + """
                     from o cross join n
                    join organization_replica provider on provider.id = o.organization_id and provider.status = 'APPROVED'
                    left join area_replica a on a.code = n.area_code collate "default"
                    left join provider_record p on p.organization_id = o.organization_id
                    where (o.available_until is null or o.available_until > now())
                    order by 8 desc, n.posted_at, n.id limit ?2""")
                    .setParameter(1, offer.id).setParameter(2, BATCH).setParameter(3, offer.category.name())
                    .setParameter(4, offer.itemKey).setParameter(5, offer.unit).setParameter(6, offer.organizationId);
            if (!wide) {
                query.setParameter(7, offer.areaCode);
            }
            List<?> rows = query.getResultList();
            Map<UUID, NeedReplica> needs = NeedReplica.<NeedReplica>list("id in ?1", ids(rows)).stream()
                    .collect(Collectors.toMap(need -> need.id, Function.identity()));
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                propose(needs.get((UUID) columns[0]), offer, ranking.scored(columns)).ifPresent(proposed::add);
                if (offer.quantityAvailable.signum() <= 0) {
                    break;
                }
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        if (offer.open && offer.quantityAvailable.signum() > 0) {
            proposed.addAll(takeOverFartherProposals(offer));
        }
        return proposed;
    }

    /** Offers whose proposals a need may take over: the nearest and newest that fit. */
    static final int TAKEOVER_OFFERS = 20;
    /** Of each, the proposals that scored lowest when they were made: those a need is likeliest to outrank. */
    static final int TAKEOVER_PROPOSALS_PER_OFFER = 5;

    /**
     * What free offers did not cover, the need takes from proposals not yet accepted that fitting
     * offers made to needs ranked clearly lower ({@link MatchingSettings#takeoverMargin}): as much of
     * each as it still lacks. The proposal is cancelled and the need that held it looks for free
     * offers at once — the same offer's remainder among them (it takes over nothing itself, so this
     * ends). Arrival order otherwise decides
     * who is served when offers are scarce: a need posted later, more urgent or in a place at higher
     * risk, would find everything promised to those posted before it.
     */
    private List<Match> takeOverLessUrgentProposals(NeedReplica need) {
        List<Match> proposed = new ArrayList<>();
        List<NeedReplica> bumped = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // The need holding a proposal is ranked as it is now (its deadline may be nearer than when it was proposed).
        String loserScore = ranking.score().replaceAll("\\bn\\.", "loser.").replaceAll("\\ba\\.", "loser_area.");
        // The offers that fit first, then their proposals: in one query the planner could not know how few
        // they are, and read every proposal of the network instead. The nearest and newest only: an old
        // offer's proposals have mostly been answered, and its count would grow with the city's history.
        // Of each offer, the few proposals that scored lowest when they were made (an index), however many it has.
        List<UUID> fitting = OfferReplica.<OfferReplica>find(
                "open = true and category = ?1 and itemKey = ?2 and unit = ?3 and areaCode in ?4 and organizationId <> ?5"
                        + " order by length(areaCode) desc, postedAt desc",
                need.category, need.itemKey, need.unit, ancestors(need.areaCode), need.organizationId)
                .page(0, TAKEOVER_OFFERS).stream().map(offer -> offer.id).toList();
        while (!fitting.isEmpty() && need.uncovered().signum() > 0) {
            entityManager.flush();
            List<?> rows = entityManager.createNativeQuery("""
                    select o.id""" + ranking.columns() + """
                    , m.id as held_match_id from need_replica n
                    join offer_replica o on o.id in (?2) and (o.available_until is null or o.available_until > now())
                    cross join lateral (select * from match held where held.offer_id = o.id and held.status = 'PROPOSED'
                        and held.expires_at > now()
                        order by held.score limit\s""" + TAKEOVER_PROPOSALS_PER_OFFER + """
                    ) m
                    join need_replica loser on loser.id = m.need_id
                    left join area_replica loser_area on loser_area.code = loser.area_code collate "default\"""" + RANKED_PARTIES + """
                    where n.id = ?1 and (n.deadline is null or n.deadline > now())
                        and not exists (select 1 from match x where x.need_id = n.id and x.offer_id = o.id and x.status <> 'CANCELLED')
                        and """ + loserScore + " + ?3 <= " + ranking.score() + """
                    \norder by """ + ranking.score() + " - " + loserScore + """
                     desc, m.id limit ?4""")
                    .setParameter(1, need.id).setParameter(2, fitting).setParameter(3, settings.takeoverMargin())
                    .setParameter(4, BATCH).getResultList();
            int taken = 0;
            java.util.Set<UUID> offersUsed = new java.util.HashSet<>();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                Match held = Match.findById(columns[columns.length - 1]);
                if (!offersUsed.add(held.offerId()) || !held.cancel(false, "改给更紧急的需求 given to a more urgent need", now)) {
                    continue; // one proposal per need and offer: another of the same offer's is not taken over
                }
                takenOver(held);
                OfferReplica offer = OfferReplica.findById(held.offerId());
                NeedReplica loser = NeedReplica.findById(held.needId());
                bumped.add(loser);
                propose(need, offer, ranking.scored(columns)).ifPresent(proposed::add);
                taken++;
                if (need.uncovered().signum() <= 0) {
                    break;
                }
            }
            if (taken == 0 || rows.size() < BATCH) {
                break;
            }
        }
        for (NeedReplica loser : bumped) {
            if (loser.open) {
                proposed.addAll(matchWithFreeOffers(loser));
            }
        }
        return proposed;
    }

    /**
     * What the offer has left after the needs nobody covers: it takes over, whole, the proposals not
     * yet accepted that offers for a wider area (a street's, a district's, the city's) made to needs in
     * its own area. The need is served from closer by, and the wider offer, its quantity free again,
     * is offered at once to the needs only it can reach — without this, an offer for one community
     * arriving after a district-wide one finds every need there covered and serves nobody, while
     * needs elsewhere in the district go without. Each step moves to a strictly wider offer, so it
     * ends; accepted matches are never moved.
     */
    private List<Match> takeOverFartherProposals(OfferReplica offer) {
        List<String> wider = ancestors(offer.areaCode);
        wider.remove(offer.areaCode);
        if (wider.isEmpty() || OfferReplica.count("open = true and category = ?1 and itemKey = ?2 and unit = ?3 and areaCode in ?4",
                offer.category, offer.itemKey, offer.unit, wider) == 0) {
            return List.of(); // no offer for a wider area: nothing to take over (the usual case for a city-wide offer)
        }
        List<Match> proposed = new ArrayList<>();
        List<OfferReplica> freed = new ArrayList<>();
        java.util.Set<UUID> servedHere = new java.util.HashSet<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        while (offer.quantityAvailable.signum() > 0) {
            entityManager.flush();
            // The offer's own values as parameters (not read in the query), so that the plan starts from its area's needs.
            List<?> rows = entityManager.createNativeQuery("""
                    with o as (select * from offer_replica where id = ?1)
                    select n.id""" + ranking.columns() + """
                    , m.id as held_match_id from o
                    join need_replica n on n.open and n.category = ?3 and n.item_key = ?4 and n.unit = ?5
                        and n.area_code >= ?6 and n.area_code < ?6 || ':'
                        and (n.deadline is null or n.deadline > now()) and n.organization_id <> ?7
                    join match m on m.need_id = n.id and m.status = 'PROPOSED' and m.quantity <= o.quantity_available
                        and m.expires_at > now()
                    join offer_replica farther on farther.id = m.offer_id and length(farther.area_code) < length(o.area_code)""" + RANKED_PARTIES + """
                    where (o.available_until is null or o.available_until > now())
                        and not exists (select 1 from match x where x.need_id = n.id and x.offer_id = o.id and x.status <> 'CANCELLED')
                    order by length(farther.area_code), 8 desc, m.id limit ?2""")
                    .setParameter(1, offer.id).setParameter(2, BATCH).setParameter(3, offer.category.name())
                    .setParameter(4, offer.itemKey).setParameter(5, offer.unit).setParameter(6, offer.areaCode)
                    .setParameter(7, offer.organizationId).getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                Match held = Match.findById(columns[columns.length - 1]);
                if (held.quantity().compareTo(offer.quantityAvailable) > 0 || servedHere.contains(held.needId())
                        || !held.cancel(false, "改由更近的供给满足 an offer closer to the need serves it", now)) {
                    continue;
                }
                takenOver(held);
                NeedReplica need = NeedReplica.findById(held.needId());
                OfferReplica farther = OfferReplica.findById(held.offerId());
                if (!freed.contains(farther)) {
                    freed.add(farther);
                }
                propose(need, offer, ranking.scored(columns)).ifPresent(proposed::add);
                servedHere.add(need.id); // one proposal per need and offer: a second wider one it holds stays
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        for (OfferReplica farther : freed) {
            if (farther.open) {
                proposed.addAll(matchWithOpenNeeds(farther));
            }
        }
        return proposed;
    }

    /** A proposal just cancelled by a takeover: told, and what it held free again on both sides. */
    private void takenOver(Match held) {
        providers.ended(held.providerOrganizationId());
        events.cancelled(held);
        entityManager.flush(); // the cancelled proposal holds nothing from here on
        refreshAvailable(OfferReplica.findById(held.offerId()));
        refreshCovered(NeedReplica.findById(held.needId()));
    }

    /** The area and those above it: the community, its street, district, city and province (as long as the code goes). */
    private static List<String> ancestors(String areaCode) {
        List<String> ancestors = new ArrayList<>();
        for (int length : new int[] {2, 4, 6, 9, 12}) {
            if (areaCode.length() >= length) {
                ancestors.add(areaCode.substring(0, length));
            }
        }
        return ancestors;
    }

    /** The candidates' ids (the first column); an empty list matches nothing. */
    private static List<UUID> ids(List<?> rows) {
        List<UUID> ids = rows.stream().map(row -> (UUID) ((Object[]) row)[0]).toList();
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    /** Proposes what the need still lacks, up to what the offer has left, and reserves it on both sides. */
    private java.util.Optional<Match> propose(NeedReplica need, OfferReplica offer, Ranking.Scored scored) {
        return propose(need, offer, need.uncovered().min(offer.quantityAvailable), scored);
    }

    private java.util.Optional<Match> propose(NeedReplica need, OfferReplica offer, BigDecimal quantity, Ranking.Scored scored) {
        if (quantity.signum() <= 0) {
            return java.util.Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, AreaReplica.Place> places = areas.places(List.of(need.areaCode, offer.areaCode));
        Match match = Match.propose(need, offer, quantity, scored.score(),
                Explanation.of(need, offer, quantity, scored, ranking, places), now, now.plus(settings.proposalTtl()));
        match.persist();
        offer.quantityAvailable = offer.quantityAvailable.subtract(quantity);
        need.quantityCovered = need.quantityCovered.add(quantity);
        providers.proposed(offer.organizationId);
        events.proposed(match, need);
        return java.util.Optional.of(match);
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
                providers.ended(match.providerOrganizationId());
                events.cancelled(match);
                OfferReplica offer = OfferReplica.findById(match.offerId());
                if (offer != null && !released.contains(offer)) {
                    released.add(offer);
                }
            }
        }
        entityManager.flush(); // the cancelled matches hold nothing from here on
        refreshCovered(need);
        for (OfferReplica offer : released) {
            refreshAvailable(offer);
            matchWithOpenNeeds(offer);
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

    /** A paused offer (its organization reinstated) is matched again against the open needs, best first. */
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
                providers.ended(match.providerOrganizationId());
                events.cancelled(match);
                needs.add(match.needId());
            }
        }
        entityManager.flush();
        refreshAvailable(offer);
        for (UUID needId : needs) {
            NeedReplica need = NeedReplica.findById(needId);
            if (need != null) {
                refreshCovered(need);
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
        return offer.quantityAvailable.compareTo(before) > 0 ? matchWithOpenNeeds(offer) : List.of();
    }

    /**
     * A proposal was declined or expired: the quantity it held is free again; the need looks for
     * other offers at once (never the same one again), and the offer for other needs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> released(Match match) {
        lockMatching();
        entityManager.flush();
        List<Match> proposed = new ArrayList<>();
        OfferReplica offer = OfferReplica.findById(match.offerId());
        NeedReplica need = NeedReplica.findById(match.needId());
        if (offer != null) {
            refreshAvailable(offer);
        }
        if (need != null) {
            refreshCovered(need);
            proposed.addAll(matchWithOpenOffers(need));
        }
        if (offer != null) {
            proposed.addAll(matchWithOpenNeeds(offer));
        }
        return proposed;
    }

    /**
     * An organization became approved (or was reinstated): its open needs and offers, refused while
     * it was not, are matched now. @return what was proposed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> organizationApproved(UUID organizationId) {
        lockMatching();
        List<Match> proposed = new ArrayList<>();
        for (NeedReplica need : NeedReplica.<NeedReplica>list(
                "open = true and organizationId = ?1 and quantityCovered < quantity order by postedAt", organizationId)) {
            proposed.addAll(matchWithOpenOffers(need)); // one organization's needs: none takes over another's
        }
        for (OfferReplica offer : OfferReplica.<OfferReplica>list(
                "open = true and organizationId = ?1 and quantityAvailable > 0 order by postedAt", organizationId)) {
            proposed.addAll(matchWithOpenNeeds(offer));
        }
        return proposed;
    }

    /**
     * An area's risk level changed: its open needs' priorities follow; when it was raised, those not
     * yet covered look for offers at once, now ranked higher. @return what was proposed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> riskChanged(String areaCode, boolean raised) {
        lockMatching();
        priorities.inArea(areaCode);
        if (!raised) {
            return List.of();
        }
        List<Match> proposed = new ArrayList<>();
        List<NeedReplica> needs = NeedReplica.list("open = true and areaCode = ?1 and quantityCovered < quantity order by postedAt", areaCode);
        // The most urgent first: a less urgent one would otherwise be proposed what the next one takes over at once.
        needs.sort(java.util.Comparator.comparing((NeedReplica need) -> need.urgency).reversed());
        for (NeedReplica need : needs) {
            proposed.addAll(matchWithOpenOffers(need));
        }
        return proposed;
    }

    /** Proposals nobody answered in time expire (MatchExpired); what they held is matched again. @return how many */
    @Transactional
    public int expireDue(int batch) {
        lockMatching();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // The status as a literal, so that the partial index of proposals by expiry serves the query.
        List<Match> due = Match.<Match>find("status = 'PROPOSED' and expiresAt <= ?1 order by expiresAt", now).page(0, batch).list();
        for (Match match : due) {
            if (match.status() != Match.Status.PROPOSED) {
                continue; // taken over by another need or a closer offer while an earlier one of the batch was released
            }
            match.expire(now);
            providers.expired(match.providerOrganizationId());
            events.expired(match);
            released(match);
        }
        return due.size();
    }

    /**
     * Needs still not covered {@link MatchingSettings#escalateAfter} after they were posted are
     * escalated to the coordinator once (NeedEscalated). @return how many
     */
    @Transactional
    public int escalateDue(int batch) {
        lockMatching(); // two instances sweeping at once escalate a need once
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<NeedReplica> due = NeedReplica.<NeedReplica>find(
                "open = true and escalatedAt is null and quantityCovered < quantity and postedAt <= ?1 order by postedAt",
                now.minus(settings.escalateAfter())).page(0, batch).list();
        for (NeedReplica need : due) {
            need.escalatedAt = now;
            events.escalated(need, now);
        }
        return due.size();
    }

    /** What a run of the batch optimizer found and proposed. */
    public record Optimization(int needs, int offers, int pairs, int proposed, BigDecimal quantity, BigDecimal weight,
            long millis) {
    }

    /**
     * The batch optimizer: over every open need not yet covered and every offer with quantity free,
     * the allocation of greatest total score (a min-cost flow, {@link OptimalAllocation}), proposed
     * as usual (explained, reserved, MatchProposed). It proposes only what incremental matching left
     * open — pairs that could not be made when their events came (an organization approved later, an
     * area defined later) — and is the yardstick of the incremental matcher's quality.
     */
    @Transactional
    public Optimization optimize() {
        long started = System.nanoTime();
        lockMatching();
        entityManager.flush();
        List<?> rows = entityManager.createNativeQuery("""
                select n.id""" + ranking.columns() + """
                , o.id, n.quantity - n.quantity_covered, o.quantity_available
                from need_replica n
                join offer_replica o on o.open and o.category = n.category and o.item_key = n.item_key and o.unit = n.unit
                    and n.area_code >= o.area_code and n.area_code < o.area_code || ':' and o.quantity_available > 0
                    and (o.available_until is null or o.available_until > now()) and o.organization_id <> n.organization_id""" + RANKED_PARTIES + """
                where n.open and n.quantity_covered < n.quantity and (n.deadline is null or n.deadline > now())
                    and not exists (select 1 from match m where m.need_id = n.id and m.offer_id = o.id and m.status <> 'CANCELLED')""").getResultList();
        Map<UUID, Long> needUnits = new java.util.HashMap<>();
        Map<UUID, Long> offerUnits = new java.util.HashMap<>();
        Map<OptimalAllocation.Pair, Ranking.Scored> scores = new java.util.HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Ranking.Scored scored = ranking.scored(columns);
            UUID needId = (UUID) columns[0];
            UUID offerId = (UUID) columns[8];
            needUnits.put(needId, hundredths(columns[9]));
            offerUnits.put(offerId, hundredths(columns[10]));
            scores.put(new OptimalAllocation.Pair(needId, offerId, scored.score().doubleValue()), scored);
        }
        OptimalAllocation.Result result = OptimalAllocation.solve(
                needUnits.entrySet().stream().map(side -> new OptimalAllocation.Side(side.getKey(), side.getValue())).toList(),
                offerUnits.entrySet().stream().map(side -> new OptimalAllocation.Side(side.getKey(), side.getValue())).toList(),
                List.copyOf(scores.keySet()));
        int proposedCount = 0;
        BigDecimal quantity = BigDecimal.ZERO;
        for (var allocated : result.units().entrySet()) {
            NeedReplica need = NeedReplica.findById(allocated.getKey().needId());
            OfferReplica offer = OfferReplica.findById(allocated.getKey().offerId());
            BigDecimal units = BigDecimal.valueOf(allocated.getValue(), 2).min(need.uncovered()).min(offer.quantityAvailable);
            if (propose(need, offer, units, scores.get(allocated.getKey())).isPresent()) {
                proposedCount++;
                quantity = quantity.add(units);
            }
        }
        return new Optimization(needUnits.size(), offerUnits.size(), scores.size(), proposedCount, quantity,
                BigDecimal.valueOf(result.weight() / 100).setScale(2, java.math.RoundingMode.HALF_UP),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A quantity with two decimals as whole hundredths. */
    private static long hundredths(Object quantity) {
        return new BigDecimal(quantity.toString()).movePointRight(2).longValueExact();
    }

    /** What is free: the offer's whole quantity less what its proposals still hold, never below nothing. */
    private void refreshAvailable(OfferReplica offer) {
        BigDecimal held = entityManager.createQuery(
                "select coalesce(sum(m.quantity), 0) from Match m where m.offerId = ?1 and m.status not in ?2", BigDecimal.class)
                .setParameter(1, offer.id).setParameter(2, Match.Status.RELEASED).getSingleResult();
        offer.quantityAvailable = offer.quantity.subtract(held).max(BigDecimal.ZERO);
    }

    /** What the need's proposals still hold. */
    private void refreshCovered(NeedReplica need) {
        need.quantityCovered = entityManager.createQuery(
                "select coalesce(sum(m.quantity), 0) from Match m where m.needId = ?1 and m.status not in ?2", BigDecimal.class)
                .setParameter(1, need.id).setParameter(2, Match.Status.RELEASED).getSingleResult();
    }

    /** For the parties' answers (accept, decline, deliveries, confirmation): they wait for matching, never the other way round. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        lockMatching();
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

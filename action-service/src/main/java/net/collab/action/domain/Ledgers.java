package net.collab.action.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import net.collab.domain.Refusal;
import net.collab.domain.Slice;
import net.collab.events.Vocabulary.LedgerEntryKind;
import net.collab.membership.Memberships;

/**
 * Organizations' public ledgers: one append-only hash chain each. Entries are appended one at a
 * time per organization (a transaction-scoped advisory lock), so that the chain never forks.
 */
@ApplicationScoped
public class Ledgers {

    /** The most entries one export holds. */
    public static final int MAX_EXPORT = 5000;

    @Inject
    Memberships memberships;

    @Inject
    ActionEvents events;

    @Inject
    EntityManager entityManager;

    /** An administrator of the organization (or of its sponsoring hub) records money or materials. */
    @Transactional
    public LedgerEntry record(LedgerEntry.Draft draft, String subject) {
        memberships.requireActiveAdministrator(draft.organizationId(), subject);
        requireOwn(draft);
        return append(draft, null, subject);
    }

    /** The only correction there is: a new entry that cancels {@code entryId}'s amount, with the reason; once per entry. */
    @Transactional
    public LedgerEntry reverse(UUID organizationId, UUID entryId, String reason, String subject) {
        memberships.requireActiveAdministrator(organizationId, subject);
        LedgerEntry reversed = LedgerEntry.findById(entryId);
        if (reversed == null || !reversed.organizationId().equals(organizationId)) {
            throw Refusal.notFound("ledger entry " + entryId + " of organization " + organizationId);
        }
        if (reversed.reversesEntryId() != null) {
            throw Refusal.conflict("entry " + entryId + " is itself a reversal; record the movement again instead");
        }
        lock(organizationId);
        if (LedgerEntry.count("reversesEntryId", entryId) > 0) {
            throw Refusal.conflict("entry " + entryId + " is reversed already");
        }
        return append(reversed.reversal(reason, now()), entryId, subject);
    }

    private LedgerEntry append(LedgerEntry.Draft draft, UUID reverses, String subject) {
        lock(draft.organizationId());
        List<?> head = entityManager.createNativeQuery("select sequence, hash from ledger_head where organization_id = ?1")
                .setParameter(1, draft.organizationId()).getResultList();
        long sequence = head.isEmpty() ? 1 : ((Number) ((Object[]) head.get(0))[0]).longValue() + 1;
        String previousHash = head.isEmpty() ? LedgerEntry.GENESIS : (String) ((Object[]) head.get(0))[1];
        LedgerEntry entry = LedgerEntry.append(draft, sequence, previousHash, reverses, subject, now());
        entry.persist();
        entityManager.createNativeQuery("""
                insert into ledger_head (organization_id, sequence, hash) values (?1, ?2, ?3)
                on conflict (organization_id) do update set sequence = excluded.sequence, hash = excluded.hash""")
                .setParameter(1, entry.organizationId()).setParameter(2, entry.sequence()).setParameter(3, entry.hash())
                .executeUpdate();
        events.ledgerEntryRecorded(entry);
        return entry;
    }

    private void lock(UUID organizationId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "ledger:" + organizationId)
                .getSingleResult();
    }

    /** An entry about an action or a need is about one of the organization's own. */
    private static void requireOwn(LedgerEntry.Draft draft) {
        if (draft.actionId() != null) {
            Action action = Action.findById(draft.actionId());
            if (action == null || !action.organizationId().equals(draft.organizationId())) {
                throw Refusal.invalid("actionId", "must be an action of organization " + draft.organizationId());
            }
        }
        if (draft.needId() != null) {
            Need need = Need.findById(draft.needId());
            if (need == null || !need.organizationId().equals(draft.organizationId())) {
                throw Refusal.invalid("needId", "must be a need of organization " + draft.organizationId());
            }
        }
    }

    /** The organization's entries in the order they were recorded, optionally those of one action or need. */
    @Transactional
    public Slice<LedgerEntry> entries(UUID organizationId, UUID actionId, UUID needId, int page, int size) {
        PanacheQuery<LedgerEntry> query = LedgerEntry.find("organizationId = :organizationId"
                + " and (:actionId is null or actionId = :actionId) and (:needId is null or needId = :needId)",
                Sort.ascending("sequence"),
                Parameters.with("organizationId", organizationId).and("actionId", actionId).and("needId", needId));
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    /** One total per kind, unit and item (reversals subtracted), for an organization, optionally one action or need. */
    public record Total(LedgerEntryKind kind, String unit, String item, BigDecimal total, long entries) {
    }

    @Transactional
    public List<Total> totals(UUID organizationId, UUID actionId, UUID needId) {
        List<Total> totals = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select kind, unit, coalesce(item, ''),
                    sum(case when reverses_entry_id is null then amount else -amount end), count(*)
                from ledger_entry
                where organization_id = ?1 and (cast(?2 as uuid) is null or action_id = ?2)
                    and (cast(?3 as uuid) is null or need_id = ?3)
                group by kind, unit, coalesce(item, '') order by kind, unit, coalesce(item, '')""")
                .setParameter(1, organizationId).setParameter(2, actionId).setParameter(3, needId).getResultList()) {
            Object[] columns = (Object[]) row;
            String item = (String) columns[2];
            totals.add(new Total(LedgerEntryKind.valueOf((String) columns[0]), (String) columns[1], item.isEmpty() ? null : item,
                    (BigDecimal) columns[3], ((Number) columns[4]).longValue()));
        }
        return totals;
    }

    /** What verification found wrong with one place in the chain. */
    public record Problem(long sequence, UUID entryId, String problem, String detail) {
    }

    /** The outcome of walking the chain: intact, or the places where it is not. */
    public record Verification(UUID organizationId, boolean intact, long entries, long headSequence, String headHash,
            List<Problem> problems, OffsetDateTime verifiedAt) {
    }

    /**
     * Walks the organization's chain from the first entry: every entry's hash must be the hash of
     * its content, every entry must point at the hash of the one before, sequences have no gaps, and
     * the last entry is the head recorded beside the chain. Any difference is reported.
     */
    @Transactional
    public Verification verify(UUID organizationId) {
        // The head first, then the chain up to it: an entry appended meanwhile (after the head was
        // read) is not part of what is verified, rather than looking like a removal.
        List<?> head = entityManager.createNativeQuery("select sequence, hash from ledger_head where organization_id = ?1")
                .setParameter(1, organizationId).getResultList();
        long headSequence = head.isEmpty() ? 0 : ((Number) ((Object[]) head.get(0))[0]).longValue();
        String headHash = head.isEmpty() ? LedgerEntry.GENESIS : (String) ((Object[]) head.get(0))[1];
        List<Problem> problems = new ArrayList<>();
        long expectedSequence = 1;
        String expectedPrevious = LedgerEntry.GENESIS;
        long count = 0;
        // In pages, so that a long ledger is not held in memory at once.
        int pageSize = 1000;
        for (int page = 0;; page++) {
            List<LedgerEntry> entries = LedgerEntry.find("organizationId = ?1 and sequence <= ?2", Sort.ascending("sequence"),
                    organizationId, headSequence).page(page, pageSize).list();
            for (LedgerEntry entry : entries) {
                count++;
                if (entry.sequence() != expectedSequence) {
                    problems.add(new Problem(expectedSequence, null, "MISSING",
                            "entries " + expectedSequence + "–" + (entry.sequence() - 1) + " are gone"));
                }
                if (!Objects.equals(entry.previousHash(), expectedPrevious)) {
                    problems.add(new Problem(entry.sequence(), entry.id(), "LINK_BROKEN",
                            "does not follow from the entry before it: that one was changed, removed or put in its place"));
                }
                if (!entry.hashMatches()) {
                    problems.add(new Problem(entry.sequence(), entry.id(), "CHANGED",
                            "its content is not what was recorded (the hash differs)"));
                }
                expectedSequence = entry.sequence() + 1;
                expectedPrevious = entry.hash();
            }
            entityManager.clear(); // the verified page is not needed any more
            if (entries.size() < pageSize) {
                break;
            }
        }
        if (headSequence != expectedSequence - 1 || !headHash.equals(expectedPrevious)) {
            problems.add(new Problem(headSequence, null, "HEAD_MISMATCH", "the ledger ends at entry " + (expectedSequence - 1)
                    + " but " + headSequence + " entries were recorded: the newest ones were removed or changed"));
        }
        return new Verification(organizationId, problems.isEmpty(), count, headSequence, headHash, problems, now());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** For the export: at most {@link #MAX_EXPORT} entries. */
    @Transactional
    public Slice<LedgerEntry> export(UUID organizationId, UUID actionId, UUID needId) {
        return entries(organizationId, actionId, needId, 0, MAX_EXPORT);
    }
}

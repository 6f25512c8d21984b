package net.collab.action.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import net.collab.events.Vocabulary.LedgerEntryKind;

/**
 * One line of an organization's public ledger: money or materials received or given out. Never
 * changed once written: a correction is a new entry that reverses this one. Each entry is linked to
 * the one before it by hash, so that a row changed or removed behind the service's back shows.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    /** The "previous hash" of an organization's first entry. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    private long sequence;
    @Column(name = "action_id")
    private UUID actionId;
    @Column(name = "need_id")
    private UUID needId;
    @Enumerated(EnumType.STRING)
    private LedgerEntryKind kind;
    private BigDecimal amount;
    private String unit;
    private String item;
    private String counterparty;
    private boolean anonymous;
    @Column(name = "evidence_reference")
    private String evidenceReference;
    private String note;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;
    @Column(name = "reverses_entry_id")
    private UUID reversesEntryId;
    @Column(name = "previous_hash")
    private String previousHash;
    private String hash;

    protected LedgerEntry() {
    }

    /** What the organization records; checked by the API. */
    public record Draft(UUID organizationId, UUID actionId, UUID needId, LedgerEntryKind kind, BigDecimal amount, String unit,
            String item, String counterparty, boolean anonymous, String evidenceReference, String note,
            OffsetDateTime occurredAt) {
    }

    /** The entry after {@code previous} (its sequence and hash) in the organization's chain. */
    static LedgerEntry append(Draft draft, long sequence, String previousHash, UUID reverses, String recordedBy,
            OffsetDateTime now) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.organizationId = draft.organizationId();
        entry.sequence = sequence;
        entry.actionId = draft.actionId();
        entry.needId = draft.needId();
        entry.kind = draft.kind();
        entry.amount = draft.amount().setScale(2, RoundingMode.UNNECESSARY);
        entry.unit = draft.unit();
        entry.item = draft.item();
        entry.anonymous = draft.anonymous();
        entry.counterparty = draft.anonymous() ? null : draft.counterparty();
        entry.evidenceReference = draft.evidenceReference();
        entry.note = draft.note();
        // As the database keeps them (microseconds), so that the hash computed now is the hash read back.
        entry.occurredAt = draft.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.recordedBy = recordedBy;
        entry.recordedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.reversesEntryId = reverses;
        entry.previousHash = previousHash;
        entry.hash = entry.computedHash();
        return entry;
    }

    /** What a reversal of this entry records: the same movement, cancelled, with the reason. */
    Draft reversal(String reason, OffsetDateTime now) {
        return new Draft(organizationId, actionId, needId, kind, amount, unit, item, counterparty, anonymous, evidenceReference,
                reason, now);
    }

    /**
     * SHA-256 over the previous hash and every public field, in a fixed order, one per line (absent
     * ones empty): what {@code hash} must equal if nothing was changed since. Each of these fields is
     * in the LedgerEntryRecorded event and the export, so anyone can recompute it (the recipe is in
     * the service's README).
     */
    public String computedHash() {
        String canonical = Stream.of(previousHash, id, organizationId, sequence, actionId, needId, kind,
                amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), unit, item, counterparty,
                anonymous, evidenceReference, note, instant(occurredAt), instant(recordedAt), reversesEntryId)
                .map(value -> value == null ? "" : escape(value.toString()))
                .collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A field's own line break or backslash cannot pass for a field boundary. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** 2026-11-21T01:30:00.000000Z: UTC, always six decimals. */
    private static final java.time.format.DateTimeFormatter INSTANT = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static String instant(OffsetDateTime time) {
        return time == null ? null : INSTANT.format(time);
    }

    /** Counted against the total: a reversal takes its amount back. */
    public BigDecimal signedAmount() {
        return reversesEntryId == null ? amount : amount.negate();
    }

    public boolean hashMatches() {
        return Objects.equals(hash, computedHash());
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public long sequence() {
        return sequence;
    }

    public UUID actionId() {
        return actionId;
    }

    public UUID needId() {
        return needId;
    }

    public LedgerEntryKind kind() {
        return kind;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String unit() {
        return unit;
    }

    public String item() {
        return item;
    }

    public String counterparty() {
        return counterparty;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public String evidenceReference() {
        return evidenceReference;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public UUID reversesEntryId() {
        return reversesEntryId;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}

package net.collab.events.action;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.LedgerEntryKind;

/**
 * An entry in an organization's public ledger (money and materials, received and given out). The
 * ledger is append-only: a correction is a new entry that {@code reverses} an earlier one. Each
 * entry carries its place in the organization's chain ({@code sequence}) and the hashes that link
 * it to the one before, so that whoever keeps these events can verify the ledger independently of
 * action-service: the event carries every field the hash covers. {@code counterparty} is absent
 * when the donor asked to stay anonymous ({@code anonymous}).
 */
@EventContract(topic = Topics.LEDGER, type = "net.collab.ledger.entry-recorded.v1")
public record LedgerEntryRecorded(
        UUID entryId,
        UUID organizationId,
        long sequence,
        UUID actionId,
        UUID needId,
        LedgerEntryKind kind,
        BigDecimal amount,
        String unit,
        String item,
        String counterparty,
        boolean anonymous,
        String evidenceReference,
        String note,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        UUID reversesEntryId,
        String previousHash,
        String hash) implements LedgerEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.recorded(this);
    }

    @Override
    public String aggregateId() {
        return organizationId.toString(); // one chain per organization: its entries stay in order on one partition
    }
}

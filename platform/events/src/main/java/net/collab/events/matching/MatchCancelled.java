package net.collab.events.matching;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * The network ended a proposal, or an accepted match not yet delivered, with the reason: the need
 * was withdrawn or expired, the offer withdrawn, a party suspended, or (a proposal only) a clearly
 * more urgent need or an offer closer to the need took it over. {@code quantity} no longer
 * covers the need, and the provider no longer sees the beneficiary's details.
 */
@EventContract(topic = Topics.MATCHES, type = "net.collab.match.cancelled.v1")
public record MatchCancelled(
        UUID matchId,
        UUID needId,
        UUID offerId,
        UUID requesterOrganizationId,
        UUID providerOrganizationId,
        BigDecimal quantity,
        String unit,
        String reason,
        OffsetDateTime cancelledAt) implements MatchEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.cancelled(this);
    }

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}

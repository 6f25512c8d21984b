package net.collab.events.matching;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/** The requesting organization confirms it received what was delivered ({@code quantityReceived}): the match is closed. */
@EventContract(topic = Topics.MATCHES, type = "net.collab.match.confirmed.v1")
public record MatchConfirmed(
        UUID matchId,
        UUID needId,
        UUID offerId,
        UUID requesterOrganizationId,
        UUID providerOrganizationId,
        BigDecimal quantityReceived,
        String unit,
        OffsetDateTime confirmedAt) implements MatchEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.confirmed(this);
    }

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}

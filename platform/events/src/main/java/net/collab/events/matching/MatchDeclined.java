package net.collab.events.matching;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/** The provider cannot take the proposal on, with its reason: {@code quantity} is sought again. */
@EventContract(topic = Topics.MATCHES, type = "net.collab.match.declined.v1")
public record MatchDeclined(
        UUID matchId,
        UUID needId,
        UUID offerId,
        UUID requesterOrganizationId,
        UUID providerOrganizationId,
        BigDecimal quantity,
        String unit,
        String reason,
        OffsetDateTime declinedAt) implements MatchEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.declined(this);
    }

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}

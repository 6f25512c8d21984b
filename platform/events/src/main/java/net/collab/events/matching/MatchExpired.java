package net.collab.events.matching;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/** Nobody answered the proposal in time: {@code quantity} no longer covers the need, which is matched again. */
@EventContract(topic = Topics.MATCHES, type = "net.collab.match.expired.v1")
public record MatchExpired(
        UUID matchId,
        UUID needId,
        UUID offerId,
        UUID requesterOrganizationId,
        UUID providerOrganizationId,
        BigDecimal quantity,
        String unit,
        OffsetDateTime expiredAt) implements MatchEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.expired(this);
    }

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}

package net.collab.events.matching;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;

/**
 * The provider takes the proposal on: it will deliver {@code quantity}. From now on (and only now)
 * its members may read the beneficiary's details of the need, in action-service.
 */
@EventContract(topic = Topics.MATCHES, type = "net.collab.match.accepted.v1")
public record MatchAccepted(
        UUID matchId,
        UUID needId,
        UUID offerId,
        UUID requesterOrganizationId,
        UUID providerOrganizationId,
        BigDecimal quantity,
        String unit,
        OffsetDateTime acceptedAt) implements MatchEvent {
    @Override
    public void dispatchTo(Handler handler) {
        handler.accepted(this);
    }

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}

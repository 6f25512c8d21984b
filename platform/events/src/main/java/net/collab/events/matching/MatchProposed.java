package net.collab.events.matching;

import java.math.BigDecimal;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.ResourceCategory;

/**
 * Matching proposes that an offer serves (part of) a need, with its reason. Optional within v1:
 * {@code score}, the ranking's score (its parts are in the explanation).
 */
@EventContract(topic = Topics.MATCHES, type = "net.collab.match.proposed.v1")
public record MatchProposed(
        UUID matchId,
        UUID needId,
        UUID offerId,
        UUID requesterOrganizationId,
        UUID providerOrganizationId,
        ResourceCategory category,
        String item,
        BigDecimal quantity,
        String unit,
        String areaCode,
        String explanation,
        BigDecimal score) implements MatchEvent {

    /** Without a score. */
    public MatchProposed(UUID matchId, UUID needId, UUID offerId, UUID requesterOrganizationId, UUID providerOrganizationId,
            ResourceCategory category, String item, BigDecimal quantity, String unit, String areaCode, String explanation) {
        this(matchId, needId, offerId, requesterOrganizationId, providerOrganizationId, category, item, quantity, unit, areaCode,
                explanation, null);
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.proposed(this);
    }

    @Override
    public String aggregateId() {
        return matchId.toString();
    }
}

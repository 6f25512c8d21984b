package net.collab.membership;

import java.util.Optional;

import net.collab.events.Vocabulary.RiskLevel;

/**
 * A CDI event fired inside the consumer's transaction when the replica learns that an area's risk
 * level went up ({@code from} is empty when it had none), so that a service can act on it at once.
 */
public record RiskLevelRaised(String areaCode, Optional<RiskLevel> from, RiskLevel to) {

    /** Whether {@code to} is a higher risk than {@code from} (RiskLevel lists the highest first). */
    public static boolean raised(RiskLevel from, RiskLevel to) {
        return to != null && (from == null ? to != RiskLevel.GENERAL : to.ordinal() < from.ordinal());
    }
}

package net.collab.membership;

import java.util.Optional;

import net.collab.events.Vocabulary.RiskLevel;

/**
 * A CDI event fired inside the consumer's transaction when the replica learns an area's new risk
 * level ({@code from} is empty when it had none), so that a service can act on it at once.
 */
public record AreaRiskChanged(String areaCode, Optional<RiskLevel> from, RiskLevel to) {

    /** Whether the risk went up (RiskLevel lists the highest first). */
    public boolean raised() {
        return raised(from.orElse(null), to);
    }

    /** Whether {@code to} is a higher risk than {@code from}. */
    public static boolean raised(RiskLevel from, RiskLevel to) {
        return to != null && (from == null ? to != RiskLevel.GENERAL : to.ordinal() < from.ordinal());
    }
}

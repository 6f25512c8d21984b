package net.collab.matching.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How matching ranks and how long it waits (collabnet.matching.*). Each ranking part is a number
 * from 0 to 1; a candidate's score is the sum of the parts times their weights.
 */
@ConfigMapping(prefix = "collabnet.matching")
public interface MatchingSettings {

    Weights weights();

    /** A proposal nobody answered within this time expires (MatchExpired) and releases its quantity. */
    @WithDefault("48h")
    Duration proposalTtl();

    /** A need still not fully covered this long after it was posted is escalated to the coordinator (NeedEscalated). */
    @WithDefault("24h")
    Duration escalateAfter();

    /**
     * A need not covered by what is free takes over a proposal not yet accepted from a need whose
     * score with that offer is lower by at least this much (a step of urgency is 1.33, of risk 0.75, of
     * closeness 0.5): below it, a proposal is not moved for a difference too small to be worth telling two parties.
     */
    @WithDefault("0.5")
    double takeoverMargin();

    /** How often expiry and escalation are checked. */
    @WithDefault("30s")
    Duration sweepInterval();

    interface Weights {
        /** The need's urgency: LOW 0, NORMAL ⅓, HIGH ⅔, CRITICAL 1. */
        @WithDefault("4")
        double urgency();

        /** The risk level of the need's community: none or GENERAL 0, LOW ¼, MEDIUM ½, RELATIVELY_HIGH ¾, HIGH 1. */
        @WithDefault("3")
        double risk();

        /** The need's deadline: none 0, rising to 1 as it comes within the week. */
        @WithDefault("2")
        double deadline();

        /** Closeness: 1 when the offer is for the need's own community, ¼ less per level above it. */
        @WithDefault("2")
        double closeness();

        /** The provider's load: 1 / (1 + its matches under way). */
        @WithDefault("1")
        double load();

        /** The provider's record: (delivered + 1) / (accepted + declined + expired + 2). */
        @WithDefault("1")
        double record();
    }
}

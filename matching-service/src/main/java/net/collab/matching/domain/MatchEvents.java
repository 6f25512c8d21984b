package net.collab.matching.domain;

/** What matching tells the network; implemented through the outbox, inside the change's transaction. */
public interface MatchEvents {
    void proposed(Match match, NeedReplica need);

    void accepted(Match match);

    void declined(Match match);

    void delivered(Match match, Delivery delivery);

    void confirmed(Match match);

    void cancelled(Match match);

    void expired(Match match);

    /** The need still waits for a provider after the configured time: the coordinator is told. */
    void escalated(NeedReplica need, java.time.OffsetDateTime at);
}

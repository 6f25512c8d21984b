package net.collab.matching.domain;

/** What matching tells the network; implemented through the outbox. */
public interface MatchEvents {
    void proposed(Match match, NeedReplica need);
}

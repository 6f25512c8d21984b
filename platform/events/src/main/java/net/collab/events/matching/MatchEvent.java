package net.collab.events.matching;

import net.collab.events.DomainEvent;

/**
 * An event on {@code matching.matches.v1}. Sealed: a consumer dispatches with a {@link Handler}, which has
 * a method per type, so a type added here does not compile until every consumer decides what it
 * does with it (rather than marking it processed and ignoring it).
 */
public sealed interface MatchEvent extends DomainEvent permits MatchProposed, MatchAccepted, MatchDeclined, MatchDelivered,
        MatchConfirmed, MatchCancelled, MatchExpired, NeedEscalated {

    /** What a consumer of {@code matching.matches.v1} does with each type. */
    interface Handler {
        void proposed(MatchProposed event);

        void accepted(MatchAccepted event);

        void declined(MatchDeclined event);

        void delivered(MatchDelivered event);

        void confirmed(MatchConfirmed event);

        void cancelled(MatchCancelled event);

        void expired(MatchExpired event);

        void escalated(NeedEscalated event);
    }

    void dispatchTo(Handler handler);
}

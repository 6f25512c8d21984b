package net.collab.events.action;

import net.collab.events.DomainEvent;

/**
 * An event on {@code action.needs.v1}. Sealed: a consumer dispatches with a {@link Handler}, which has
 * a method per type, so a type added here does not compile until every consumer decides what it
 * does with it (rather than marking it processed and ignoring it).
 */
public sealed interface NeedEvent extends DomainEvent permits NeedPosted, NeedWithdrawn, NeedPaused, NeedResumed,
        NeedExpired {

    /** What a consumer of {@code action.needs.v1} does with each type. */
    interface Handler {
        void posted(NeedPosted event);

        void withdrawn(NeedWithdrawn event);

        void paused(NeedPaused event);

        void resumed(NeedResumed event);

        void expired(NeedExpired event);
    }

    void dispatchTo(Handler handler);
}

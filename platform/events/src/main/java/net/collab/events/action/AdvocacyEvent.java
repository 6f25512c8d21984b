package net.collab.events.action;

import net.collab.events.DomainEvent;

/** An event on {@code action.advocacy.v1}. Sealed: a consumer dispatches with a {@link Handler}, one method per type. */
public sealed interface AdvocacyEvent extends DomainEvent permits AdvocacyPublished, AdvocacyWithdrawn {

    /** What a consumer of {@code action.advocacy.v1} does with each type. */
    interface Handler {
        void published(AdvocacyPublished event);

        void withdrawn(AdvocacyWithdrawn event);
    }

    void dispatchTo(Handler handler);
}

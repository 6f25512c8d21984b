package net.collab.events.action;

import net.collab.events.DomainEvent;

/**
 * An event on {@code action.offers.v1}. Sealed: a consumer dispatches with a {@link Handler}, which has
 * a method per type, so a type added here does not compile until every consumer decides what it
 * does with it (rather than marking it processed and ignoring it).
 */
public sealed interface OfferEvent extends DomainEvent permits OfferPosted, OfferWithdrawn, OfferPaused, OfferResumed,
        OfferQuantityChanged {

    /** What a consumer of {@code action.offers.v1} does with each type. */
    interface Handler {
        void posted(OfferPosted event);

        void withdrawn(OfferWithdrawn event);

        void paused(OfferPaused event);

        void resumed(OfferResumed event);

        void quantityChanged(OfferQuantityChanged event);
    }

    void dispatchTo(Handler handler);
}

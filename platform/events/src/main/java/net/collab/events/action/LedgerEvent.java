package net.collab.events.action;

import net.collab.events.DomainEvent;

/** An event on {@code action.ledger.v1}. Sealed: a consumer dispatches with a {@link Handler}, one method per type. */
public sealed interface LedgerEvent extends DomainEvent permits LedgerEntryRecorded {

    /** What a consumer of {@code action.ledger.v1} does with each type. */
    interface Handler {
        void recorded(LedgerEntryRecorded event);
    }

    void dispatchTo(Handler handler);
}

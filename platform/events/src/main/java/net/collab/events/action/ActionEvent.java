package net.collab.events.action;

import net.collab.events.DomainEvent;

/**
 * An event on {@code action.actions.v1}, each with the action's whole public state. Sealed: a
 * consumer dispatches with a {@link Handler}, one method per type.
 */
public sealed interface ActionEvent extends DomainEvent permits ActionPublished, ActionUpdated, ActionStatusChanged {

    ActionSnapshot action();

    /** What a consumer of {@code action.actions.v1} does with each type. */
    interface Handler {
        void published(ActionPublished event);

        void updated(ActionUpdated event);

        void statusChanged(ActionStatusChanged event);
    }

    void dispatchTo(Handler handler);

    @Override
    default String aggregateId() {
        return action().id().toString();
    }
}

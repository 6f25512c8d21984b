package net.collab.events.registry;

import net.collab.events.DomainEvent;

/**
 * An event on {@code registry.areas.v1}. Sealed: a consumer dispatches with a {@link Handler}, which has
 * a method per type, so a type added here does not compile until every consumer decides what it
 * does with it (rather than marking it processed and ignoring it).
 */
public sealed interface AreaEvent extends DomainEvent permits AreaDefined, RiskLevelChanged {

    /** What a consumer of {@code registry.areas.v1} does with each type. */
    interface Handler {
        void defined(AreaDefined event);

        void riskLevelChanged(RiskLevelChanged event);
    }

    void dispatchTo(Handler handler);
}

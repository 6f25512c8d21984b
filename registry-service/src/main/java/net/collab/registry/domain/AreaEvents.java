package net.collab.registry.domain;

/** What the registry tells the network about areas; through the outbox, in the change's transaction. */
public interface AreaEvents {
    void riskLevelChanged(Area area, AreaRiskLevelChange change);

    void defined(Area area);
}

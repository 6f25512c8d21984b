package net.collab.events;

/** Topic names, one per aggregate: {@code <service>.<aggregate>.v<N>}. */
public final class Topics {
    public static final String ORGANIZATIONS = "registry.organizations.v1";
    public static final String AREAS = "registry.areas.v1";
    public static final String NEEDS = "action.needs.v1";
    public static final String OFFERS = "action.offers.v1";
    public static final String ACTIONS = "action.actions.v1";
    public static final String ADVOCACY = "action.advocacy.v1";
    public static final String LEDGER = "action.ledger.v1";
    public static final String MATCHES = "matching.matches.v1";
    public static final String DELIVERIES = "notification.deliveries.v1";

    private Topics() {
    }
}

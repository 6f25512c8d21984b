package net.collab.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.collab.events.action.ActionEvent;
import net.collab.events.action.ActionPublished;
import net.collab.events.action.ActionStatusChanged;
import net.collab.events.action.ActionUpdated;
import net.collab.events.action.AdvocacyEvent;
import net.collab.events.action.AdvocacyPublished;
import net.collab.events.action.AdvocacyWithdrawn;
import net.collab.events.action.LedgerEntryRecorded;
import net.collab.events.action.LedgerEvent;
import net.collab.events.action.NeedEvent;
import net.collab.events.action.NeedExpired;
import net.collab.events.action.NeedPaused;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.NeedResumed;
import net.collab.events.action.NeedWithdrawn;
import net.collab.events.action.OfferEvent;
import net.collab.events.action.OfferPaused;
import net.collab.events.action.OfferPosted;
import net.collab.events.action.OfferQuantityChanged;
import net.collab.events.action.OfferResumed;
import net.collab.events.action.OfferWithdrawn;
import net.collab.events.matching.MatchAccepted;
import net.collab.events.matching.MatchCancelled;
import net.collab.events.matching.MatchConfirmed;
import net.collab.events.matching.MatchDeclined;
import net.collab.events.matching.MatchDelivered;
import net.collab.events.matching.MatchEvent;
import net.collab.events.matching.MatchExpired;
import net.collab.events.matching.MatchProposed;
import net.collab.events.matching.NeedEscalated;
import net.collab.events.registry.AreaDefined;
import net.collab.events.notification.DeliveryEvent;
import net.collab.events.notification.NotificationDelivered;
import net.collab.events.notification.NotificationFailed;
import net.collab.events.registry.AreaEvent;
import net.collab.events.registry.MemberAdded;
import net.collab.events.registry.MemberRemoved;
import net.collab.events.registry.OrganizationApplied;
import net.collab.events.registry.OrganizationApproved;
import net.collab.events.registry.OrganizationEvent;
import net.collab.events.registry.OrganizationReinstated;
import net.collab.events.registry.OrganizationRejected;
import net.collab.events.registry.OrganizationSuspended;
import net.collab.events.registry.OrganizationUpdated;
import net.collab.events.registry.RiskLevelChanged;

/** Every event record the network knows, looked up by CloudEvents type. */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> ALL = List.of(
            OrganizationApplied.class, OrganizationApproved.class, OrganizationRejected.class,
            OrganizationUpdated.class, OrganizationSuspended.class, OrganizationReinstated.class,
            MemberAdded.class, MemberRemoved.class, AreaDefined.class, RiskLevelChanged.class,
            NeedPosted.class, NeedWithdrawn.class, NeedPaused.class, NeedResumed.class, NeedExpired.class, OfferPosted.class,
            OfferWithdrawn.class, OfferPaused.class, OfferResumed.class, OfferQuantityChanged.class,
            ActionPublished.class, ActionUpdated.class, ActionStatusChanged.class,
            AdvocacyPublished.class, AdvocacyWithdrawn.class, LedgerEntryRecorded.class,
            MatchProposed.class, MatchAccepted.class, MatchDeclined.class, MatchDelivered.class, MatchConfirmed.class,
            MatchCancelled.class, MatchExpired.class, NeedEscalated.class, NotificationDelivered.class, NotificationFailed.class);

    /** Per topic, the sealed interface its event types implement. */
    private static final Map<String, Class<? extends DomainEvent>> BY_TOPIC = Map.of(
            Topics.ORGANIZATIONS, OrganizationEvent.class, Topics.AREAS, AreaEvent.class,
            Topics.NEEDS, NeedEvent.class, Topics.OFFERS, OfferEvent.class, Topics.ACTIONS, ActionEvent.class,
            Topics.ADVOCACY, AdvocacyEvent.class, Topics.LEDGER, LedgerEvent.class, Topics.MATCHES, MatchEvent.class,
            Topics.DELIVERIES, DeliveryEvent.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(c -> contractOf(c).type(), Function.identity()));

    private EventCatalog() {
    }

    public static List<Class<? extends DomainEvent>> all() {
        return ALL;
    }

    public static Optional<Class<? extends DomainEvent>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The sealed interface of the topic's events, e.g. {@code NeedEvent} for {@code action.needs.v1}. */
    public static Class<? extends DomainEvent> eventsOf(String topic) {
        Class<? extends DomainEvent> events = BY_TOPIC.get(topic);
        if (events == null) {
            throw new IllegalArgumentException("no events are defined for topic " + topic);
        }
        return events;
    }

    public static EventContract contractOf(Class<? extends DomainEvent> eventClass) {
        EventContract contract = eventClass.getAnnotation(EventContract.class);
        if (contract == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventContract");
        }
        return contract;
    }
}

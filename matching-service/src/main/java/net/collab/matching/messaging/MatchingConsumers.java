package net.collab.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.action.NeedEvent;
import net.collab.events.action.NeedExpired;
import net.collab.events.action.NeedPaused;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.NeedResumed;
import net.collab.events.action.OfferPaused;
import net.collab.events.action.OfferQuantityChanged;
import net.collab.events.action.OfferResumed;
import net.collab.events.action.NeedWithdrawn;
import net.collab.events.action.OfferEvent;
import net.collab.events.action.OfferPosted;
import net.collab.events.action.OfferWithdrawn;
import net.collab.matching.domain.Matcher;
import net.collab.matching.domain.NeedReplica;
import net.collab.matching.domain.OfferReplica;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.membership.AreaRiskChanged;
import net.collab.messaging.IdempotentConsumer;

/** Needs and offers from action-service drive incremental matching; organizations and areas feed the replicas. */
@ApplicationScoped
public class MatchingConsumers {

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    Matcher matcher;

    @Inject
    OrganizationReplica organizations;

    @Inject
    AreaReplica areas;

    /** Areas: names for the explanations, risk levels for the ranking. */
    @Incoming("areas")
    @Blocking
    public void onAreaEvents(ConsumerRecords<String, String> records) {
        areas.consume(records);
    }

    /** An organization became approved or was reinstated (inside the organization event's transaction): what it posted meanwhile is matched. */
    void onStatusChanged(@jakarta.enterprise.event.Observes net.collab.membership.OrganizationStatusChanged change) {
        if (change.to() == net.collab.events.Vocabulary.OrganizationStatus.APPROVED) {
            matcher.organizationApproved(change.organizationId());
        }
    }

    /** An area's risk changed (inside the area event's transaction): its needs' priorities follow; raised, they are matched again at once. */
    void onRiskChanged(@jakarta.enterprise.event.Observes AreaRiskChanged change) {
        matcher.riskChanged(change.areaCode(), change.raised());
    }

    @Incoming("needs")
    @Blocking
    public void onNeedEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("needs", "needs", records, NeedEvent.class, (envelope, event) -> event.dispatchTo(needs));
    }

    @Incoming("offers")
    @Blocking
    public void onOfferEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("offers", "offers", records, OfferEvent.class, (envelope, event) -> event.dispatchTo(offers));
    }

    @Incoming("organizations")
    @Blocking
    public void onOrganizationEvents(ConsumerRecords<String, String> records) {
        organizations.consume(records);
    }

    private final NeedEvent.Handler needs = new NeedEvent.Handler() {
        @Override
        public void posted(NeedPosted event) {
            matcher.needPosted(toReplica(event));
        }

        @Override
        public void withdrawn(NeedWithdrawn event) {
            matcher.needClosed(event.needId(), true, "需求已撤回 the need was withdrawn");
        }

        @Override
        public void paused(NeedPaused event) {
            matcher.needClosed(event.needId(), false, "需求方组织已暂停 the requesting organization is suspended");
        }

        @Override
        public void resumed(NeedResumed event) {
            matcher.needReopened(event.needId());
        }

        @Override
        public void expired(NeedExpired event) {
            matcher.needClosed(event.needId(), true, "需求已过期 the need expired");
        }
    };

    private final OfferEvent.Handler offers = new OfferEvent.Handler() {
        @Override
        public void posted(OfferPosted event) {
            matcher.offerPosted(toReplica(event));
        }

        @Override
        public void withdrawn(OfferWithdrawn event) {
            matcher.offerClosed(event.offerId(), "供给已撤回 the offer was withdrawn");
        }

        @Override
        public void paused(OfferPaused event) {
            matcher.offerClosed(event.offerId(), "提供方组织已暂停 the providing organization is suspended");
        }

        @Override
        public void resumed(OfferResumed event) {
            matcher.offerReopened(event.offerId());
        }

        @Override
        public void quantityChanged(OfferQuantityChanged event) {
            matcher.offerQuantityChanged(event.offerId(), event.quantity());
        }
    };

    static NeedReplica toReplica(NeedPosted posted) {
        NeedReplica need = new NeedReplica();
        need.id = posted.needId();
        need.organizationId = posted.organizationId();
        need.category = posted.category();
        need.item = posted.item();
        need.quantity = posted.quantity();
        need.unit = posted.unit();
        need.urgency = posted.urgency();
        need.areaCode = posted.areaCode();
        need.deadline = posted.deadline();
        need.open = true;
        need.postedAt = posted.postedAt();
        return need;
    }

    static OfferReplica toReplica(OfferPosted posted) {
        OfferReplica offer = new OfferReplica();
        offer.id = posted.offerId();
        offer.organizationId = posted.organizationId();
        offer.category = posted.category();
        offer.item = posted.item();
        offer.quantity = posted.quantity();
        offer.quantityAvailable = posted.quantity();
        offer.unit = posted.unit();
        offer.areaCode = posted.areaCode();
        offer.availableUntil = posted.availableUntil();
        offer.open = true;
        offer.postedAt = posted.postedAt();
        return offer;
    }
}

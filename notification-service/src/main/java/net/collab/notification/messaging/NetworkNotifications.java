package net.collab.notification.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.action.AdvocacyEvent;
import net.collab.events.action.AdvocacyPublished;
import net.collab.events.action.AdvocacyWithdrawn;
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
import net.collab.membership.AreaRiskChanged;
import net.collab.membership.OrganizationStatusChanged;
import net.collab.messaging.IdempotentConsumer;
import net.collab.notification.domain.Notifier;

/**
 * The rest of the network's news: needs and offers posted (to those who follow their place, category
 * or organization), raised risk levels (to those who follow the place), organizations applying (to
 * the coordinators) and changing standing (to their members). The last two arrive through the
 * replicas' own events, inside the transaction that applied them.
 */
@ApplicationScoped
public class NetworkNotifications {

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    Notifier notifier;

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

    @Incoming("advocacy")
    @Blocking
    public void onAdvocacyEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("advocacy", "advocacy", records, AdvocacyEvent.class, (envelope, event) -> event.dispatchTo(advocacy));
    }

    @Incoming("ledger")
    @Blocking
    public void onLedgerEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("ledger", "ledger", records, LedgerEvent.class, (envelope, event) -> event.dispatchTo(entry -> {
            notifier.ledgerEntryRecorded(entry.entryId(), entry.organizationId(), entry.needId(), entry.actionId(), entry.kind().labelZh,
                    entry.amount().toPlainString(), entry.unit(), entry.item());
        }));
    }

    void riskChanged(@Observes AreaRiskChanged change) {
        if (change.raised()) {
            notifier.riskRaised(change.areaCode(), change.from().map(Enum::name).orElse(null), change.to().name(), UUID.randomUUID());
        }
    }

    void statusChanged(@Observes OrganizationStatusChanged change) {
        if (change.from().isEmpty() || change.from().get() != change.to()) {
            notifier.organizationStatusChanged(change.organizationId(), change.from().map(Enum::name).orElse(null), change.to().name(),
                    UUID.randomUUID());
        }
    }

    private final NeedEvent.Handler needs = new NeedEvent.Handler() {
        @Override
        public void posted(NeedPosted need) {
            notifier.needPosted(new Notifier.Posted(need.needId(), need.organizationId(), need.category().name(), need.item(),
                    need.quantity().toPlainString(), need.unit(), need.areaCode(), need.urgency() == null ? null : need.urgency().name(),
                    need.actionId()));
        }

        @Override
        public void withdrawn(NeedWithdrawn event) {
            // followers heard of the need; its end reaches those concerned through matching
        }

        @Override
        public void paused(NeedPaused event) {
        }

        @Override
        public void resumed(NeedResumed event) {
        }

        @Override
        public void expired(NeedExpired event) {
        }
    };

    private final AdvocacyEvent.Handler advocacy = new AdvocacyEvent.Handler() {
        @Override
        public void published(AdvocacyPublished post) {
            notifier.advocacyPublished(post.postId(), post.organizationId(), post.title(),
                    post.areaCodes() == null ? java.util.List.of() : post.areaCodes());
        }

        @Override
        public void withdrawn(AdvocacyWithdrawn event) {
        }
    };

    private final OfferEvent.Handler offers = new OfferEvent.Handler() {
        @Override
        public void posted(OfferPosted offer) {
            notifier.offerPosted(new Notifier.Posted(offer.offerId(), offer.organizationId(), offer.category().name(), offer.item(),
                    offer.quantity().toPlainString(), offer.unit(), offer.areaCode(), null, offer.actionId()));
        }

        @Override
        public void withdrawn(OfferWithdrawn event) {
        }

        @Override
        public void paused(OfferPaused event) {
        }

        @Override
        public void resumed(OfferResumed event) {
        }

        @Override
        public void quantityChanged(OfferQuantityChanged event) {
        }
    };
}

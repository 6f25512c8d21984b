package net.collab.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.action.NeedPosted;
import net.collab.events.action.NeedWithdrawn;
import net.collab.events.action.OfferPosted;
import net.collab.events.action.OfferWithdrawn;
import net.collab.matching.domain.Matcher;
import net.collab.matching.domain.NeedReplica;
import net.collab.matching.domain.OfferReplica;
import net.collab.messaging.IdempotentConsumer;

/** Needs and offers from action-service drive incremental matching. */
@ApplicationScoped
public class MatchingConsumers {

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    Matcher matcher;

    @Incoming("needs")
    @Blocking
    public void onNeedEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("needs", "needs", records, event -> {
            if (event.data() instanceof NeedPosted posted) {
                matcher.needPosted(toReplica(posted));
            } else if (event.data() instanceof NeedWithdrawn withdrawn) {
                matcher.needClosed(withdrawn.needId());
            }
        });
    }

    @Incoming("offers")
    @Blocking
    public void onOfferEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("offers", "offers", records, event -> {
            if (event.data() instanceof OfferPosted posted) {
                matcher.offerPosted(toReplica(posted));
            } else if (event.data() instanceof OfferWithdrawn withdrawn) {
                matcher.offerClosed(withdrawn.offerId());
            }
        });
    }

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
        offer.quantityAvailable = posted.quantity();
        offer.unit = posted.unit();
        offer.areaCode = posted.areaCode();
        offer.availableUntil = posted.availableUntil();
        offer.open = true;
        offer.postedAt = posted.postedAt();
        return offer;
    }
}

package net.collab.action.messaging;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.collab.action.domain.Action;
import net.collab.action.domain.ActionEvents;
import net.collab.action.domain.AdvocacyPost;
import net.collab.action.domain.LedgerEntry;
import net.collab.action.domain.Need;
import net.collab.action.domain.Offer;
import net.collab.events.Vocabulary.ActionStatus;
import net.collab.events.action.ActionPublished;
import net.collab.events.action.ActionStatusChanged;
import net.collab.events.action.ActionUpdated;
import net.collab.events.action.AdvocacyPublished;
import net.collab.events.action.AdvocacyWithdrawn;
import net.collab.events.action.LedgerEntryRecorded;
import net.collab.events.action.NeedExpired;
import net.collab.events.action.NeedPaused;
import net.collab.events.action.OfferQuantityChanged;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.NeedResumed;
import net.collab.events.action.OfferPaused;
import net.collab.events.action.OfferResumed;
import net.collab.events.action.NeedWithdrawn;
import net.collab.events.action.OfferPosted;
import net.collab.events.action.OfferWithdrawn;
import net.collab.messaging.Outbox;

/** Needs and offers as events: what matching and notification need, and no personal data. */
@ApplicationScoped
public class OutboxActionEvents implements ActionEvents {

    @Inject
    Outbox outbox;

    @Override
    public void needPosted(Need need) {
        outbox.publish(new NeedPosted(need.id(), need.organizationId(), need.category(), need.item(), need.quantity(), need.unit(),
                need.urgency(), need.areaCode(), need.targetGroup(), need.deadline(), need.postedAt(), need.actionId()));
    }

    @Override
    public void needWithdrawn(Need need) {
        outbox.publish(new NeedWithdrawn(need.id(), need.organizationId(), need.statusReason()));
    }

    @Override
    public void needExpired(Need need) {
        outbox.publish(new NeedExpired(need.id(), need.organizationId(), need.deadline()));
    }

    @Override
    public void offerWithdrawn(Offer offer) {
        outbox.publish(new OfferWithdrawn(offer.id(), offer.organizationId(), offer.statusReason()));
    }

    @Override
    public void offerPosted(Offer offer) {
        outbox.publish(new OfferPosted(offer.id(), offer.organizationId(), offer.category(), offer.item(), offer.quantity(), offer.unit(),
                offer.areaCode(), offer.availableUntil(), offer.postedAt(), offer.actionId()));
    }

    @Override
    public void needPaused(Need need) {
        outbox.publish(new NeedPaused(need.id(), need.organizationId()));
    }

    @Override
    public void needResumed(Need need) {
        outbox.publish(new NeedResumed(need.id(), need.organizationId()));
    }

    @Override
    public void offerPaused(Offer offer) {
        outbox.publish(new OfferPaused(offer.id(), offer.organizationId()));
    }

    @Override
    public void offerResumed(Offer offer) {
        outbox.publish(new OfferResumed(offer.id(), offer.organizationId()));
    }

    @Override
    public void offerQuantityChanged(Offer offer, BigDecimal previousQuantity) {
        outbox.publish(new OfferQuantityChanged(offer.id(), offer.organizationId(), offer.quantity(), previousQuantity,
                offer.updatedAt()));
    }

    @Override
    public void actionPublished(Action action) {
        outbox.publish(new ActionPublished(action.snapshot()));
    }

    @Override
    public void actionUpdated(Action action) {
        outbox.publish(new ActionUpdated(action.snapshot()));
    }

    @Override
    public void actionStatusChanged(Action action, ActionStatus previousStatus) {
        outbox.publish(new ActionStatusChanged(action.snapshot(), previousStatus));
    }

    @Override
    public void advocacyPublished(AdvocacyPost post) {
        outbox.publish(new AdvocacyPublished(post.id(), post.organizationId(), post.audience(), post.title(), post.domains(),
                post.areaCodes(), post.publishedAt()));
    }

    @Override
    public void advocacyWithdrawn(AdvocacyPost post) {
        outbox.publish(new AdvocacyWithdrawn(post.id(), post.organizationId(), post.statusReason()));
    }

    @Override
    public void ledgerEntryRecorded(LedgerEntry entry) {
        outbox.publish(new LedgerEntryRecorded(entry.id(), entry.organizationId(), entry.sequence(), entry.actionId(),
                entry.needId(), entry.kind(), entry.amount(), entry.unit(), entry.item(), entry.counterparty(), entry.anonymous(),
                entry.evidenceReference(), entry.note(), entry.occurredAt(), entry.recordedAt(), entry.reversesEntryId(),
                entry.previousHash(), entry.hash()));
    }
}

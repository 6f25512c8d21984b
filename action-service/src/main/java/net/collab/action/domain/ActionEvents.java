package net.collab.action.domain;

/** What action-service tells the network; implemented through the outbox, called inside the change's transaction. */
public interface ActionEvents {
    void needPosted(Need need);

    void needWithdrawn(Need need);

    void needExpired(Need need);

    void offerPosted(Offer offer);

    void offerWithdrawn(Offer offer);

    void needPaused(Need need);

    void needResumed(Need need);

    void offerPaused(Offer offer);

    void offerResumed(Offer offer);

    void offerQuantityChanged(Offer offer, java.math.BigDecimal previousQuantity);

    void actionPublished(Action action);

    void actionUpdated(Action action);

    void actionStatusChanged(Action action, net.collab.events.Vocabulary.ActionStatus previousStatus);

    void advocacyPublished(AdvocacyPost post);

    void advocacyWithdrawn(AdvocacyPost post);

    void ledgerEntryRecorded(LedgerEntry entry);
}

package net.collab.messaging;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work for after the current transaction commits (and not if it rolls back), registered once per transaction and key. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code work} once the transaction commits; a second call with the same key in the same transaction adds nothing. */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable work) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}

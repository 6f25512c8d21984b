package net.collab.domain;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells failures that pass by themselves from those that will happen again: consumers wait and
 * retry the first kind, and a request that meets one is answered 503 (try again) rather than 500.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    /**
     * True when a cause in the chain (or a suppressed one) is the database being unreachable,
     * restarting, out of resources, or a transaction losing a lock or serialization race: SQLSTATE
     * classes 08 (connection), 40 (transaction rollback), 53 but 53400 (insufficient resources;
     * 53400, a configured limit, fails again), 57P (operator intervention, e.g. the server shutting
     * down) and 55P03 (lock not available); or no connection to be had from the pool in time
     * (Agroal's acquisition timeout, an SQLException without SQLSTATE caused by a timeout).
     */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    private static boolean isTransient(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return false;
        }
        if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null && sql.getCause() instanceof TimeoutException) {
                return true;
            }
            if (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P")
                    || state.equals("55P03") || (state.startsWith("53") && !state.equals("53400")))) {
                return true;
            }
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isTransient(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && isTransient(failure.getCause(), depth + 1);
    }
}

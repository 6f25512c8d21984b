package net.collab.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells failures that pass by themselves from those that will happen again. */
final class Failures {

    private Failures() {
    }

    /**
     * True when a cause in the chain is the database being unreachable, restarting, out of
     * resources, or a transaction losing a lock or serialization race: SQLSTATE classes 08
     * (connection), 40 (transaction rollback), 53 (insufficient resources), 57P (operator
     * intervention, e.g. the server shutting down) and 55P03 (lock not available).
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P")
                        || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}

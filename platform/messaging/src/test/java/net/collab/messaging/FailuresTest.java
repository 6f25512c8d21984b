package net.collab.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.PersistenceException;

import net.collab.domain.TransientFailures;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void theDatabaseGoneOrRestartingOrALostLockRaceIsTransient() {
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("lock not available", "55P03"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLTransientConnectionException("pool exhausted")))).isTrue();
        // What the connection pool (Agroal) throws when no connection comes in time.
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException())))).isTrue();
        // A commit whose failure is attached as a suppressed exception.
        RuntimeException commitFailed = new IllegalStateException("commit failed");
        commitFailed.addSuppressed(new SQLException("server closed the connection unexpectedly", "08006"));
        assertThat(TransientFailures.isTransient(commitFailed)).isTrue();
    }

    @Test
    void aBrokenRuleOrBadDataIsNotTransient() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("this need can never be handled"))).isFalse();
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("value too long", "22001")))).isFalse();
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("temporary file size exceeds temp_file_limit", "53400"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("no state, no timeout"))).isFalse();
    }
}

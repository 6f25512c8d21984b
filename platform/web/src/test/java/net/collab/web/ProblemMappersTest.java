package net.collab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void aLostRaceIsAConflictNotAServerError() {
        var duplicateKey = new RuntimeException("commit failed",
                new IllegalStateException("flush", new SQLException("duplicate key value", "23505")));
        var optimisticLock = new RuntimeException(new jakarta.persistence.OptimisticLockException("stale"));

        assertThat(ProblemMappers.concurrentChange(duplicateKey)).isTrue();
        assertThat(ProblemMappers.concurrentChange(optimisticLock)).isTrue();
        assertThat(ProblemMappers.unexpectedResponseStatus(duplicateKey)).isEqualTo(409);
    }

    @Test
    void theDatabaseAwayIsUnavailableNotAServerError() {
        var brokenConnection = new RuntimeException(new SQLException("connection refused", "08001"));
        var startingUp = new RuntimeException(new SQLException("the database system is starting up", "57P03"));
        assertThat(ProblemMappers.concurrentChange(brokenConnection)).isFalse();
        assertThat(ProblemMappers.unexpectedResponseStatus(brokenConnection)).isEqualTo(503);
        assertThat(ProblemMappers.unexpectedResponseStatus(startingUp)).isEqualTo(503);
    }

    @Test
    void otherFailuresStayServerErrors() {
        assertThat(ProblemMappers.unexpectedResponseStatus(new IllegalStateException("a bug"))).isEqualTo(500);
        assertThat(ProblemMappers.unexpectedResponseStatus(new RuntimeException(new SQLException("syntax error", "42601"))))
                .isEqualTo(500);
    }
}

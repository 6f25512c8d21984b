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
    void otherFailuresStayServerErrors() {
        var brokenConnection = new RuntimeException(new SQLException("connection refused", "08001"));
        assertThat(ProblemMappers.concurrentChange(brokenConnection)).isFalse();
        assertThat(ProblemMappers.unexpectedResponseStatus(brokenConnection)).isEqualTo(500);
    }
}

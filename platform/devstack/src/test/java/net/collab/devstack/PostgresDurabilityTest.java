package net.collab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the services' databases promise in the local run and in every test: a commit that was acknowledged stays. */
class PostgresDurabilityTest {

    @Test
    void everyAcknowledgedCommitSurvivesKill9OfAllPostgresProcesses(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        // As the tests run it (fsync off): surviving the death of the server's processes is the promise.
        PostgresServer first = PostgresServer.embedded(data, 0, false, false);
        String url = first.createDatabase("durability");
        try (Connection connection = DriverManager.getConnection(url, first.username(), first.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table acknowledged (id bigint primary key)");
        }

        AtomicLong lastAcknowledged = new AtomicLong();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection connection = DriverManager.getConnection(url, first.username(), first.password());
                    PreparedStatement insert = connection.prepareStatement("insert into acknowledged (id) values (?)")) {
                connection.setAutoCommit(false);
                for (long id = 1; ; id++) {
                    insert.setLong(1, id);
                    insert.executeUpdate();
                    connection.commit();
                    lastAcknowledged.set(id);
                }
            } catch (Exception expected) {
                // the server was killed under it
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lastAcknowledged.get() < 2000) {
            assertThat(writer).as("the writer stopped early").isNotDone();
            assertThat(System.nanoTime()).as("2,000 commits within a minute").isLessThan(deadline);
            Thread.onSpinWait();
        }
        killEveryProcessOf(first);
        writer.get();
        first.close(); // releases the data directory's lock; the server is already gone

        PostgresServer second = PostgresServer.embedded(data, 0, false, false);
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl("durability"), second.username(),
                second.password()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from acknowledged where id <= " + lastAcknowledged.get())) {
            rows.next();
            assertThat(rows.getLong(1)).as("acknowledged commits after kill -9").isEqualTo(lastAcknowledged.get());
        } finally {
            second.close();
        }
    }

    private static void killEveryProcessOf(PostgresServer server) throws Exception {
        ProcessHandle postmaster = ProcessHandle.of(server.pid()).orElseThrow();
        List<ProcessHandle> all = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly); // SIGKILL
        for (ProcessHandle process : all) {
            process.onExit().get(Duration.ofSeconds(10).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}

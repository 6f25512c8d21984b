package net.collab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import net.collab.devstack.KafkaBroker;
import net.collab.devstack.MailServer;
import net.collab.devstack.PostgresServer;

/**
 * Real infrastructure for a {@code @QuarkusTest}: a Kafka broker (KRaft, child process) and an
 * embedded PostgreSQL with a fresh database, started in parallel; on request a real SMTP server
 * (GreenMail). No container engine needed.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    /** The init argument that asks for a real SMTP server too ({@code @ResourceArg(name = MAIL, value = "true")}). */
    public static final String MAIL = "mail";

    private static volatile KafkaBroker kafka;
    private static volatile PostgresServer postgres;
    private static volatile MailServer mail;
    private Path workDir;
    private boolean withMail;

    @Override
    public void init(Map<String, String> initArgs) {
        withMail = Boolean.parseBoolean(initArgs.getOrDefault(MAIL, "false"));
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("collabnet-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var broker = CompletableFuture.supplyAsync(() -> KafkaBroker.start(workDir.resolve("kafka"), 0));
        // Tests need no flush to disk; a benchmark run through a test (the matching benchmark) does, as the local run,
        // and may ask for the time of each statement (pg_stat_statements).
        boolean fsync = Boolean.getBoolean("collabnet.test.fsync");
        boolean statementStatistics = Boolean.getBoolean("collabnet.test.statement-statistics");
        var database = CompletableFuture.supplyAsync(
                () -> PostgresServer.embedded(workDir.resolve("pg"), 0, true, fsync, statementStatistics));
        kafka = broker.join();
        postgres = database.join();
        kafka.createNetworkTopics();
        String url = postgres.createDatabase("service");
        byte[] personalDataKey = new byte[32];
        new java.security.SecureRandom().nextBytes(personalDataKey);
        Map<String, String> config = new java.util.HashMap<>();
        if (withMail) {
            mail = MailServer.start(0, -1);
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(mail.smtpPort()));
        }
        config.putAll(Map.of(
                // A key of this run's own for personal data encrypted at rest: none is ever written in the repository.
                "collabnet.personal-data.key", java.util.Base64.getEncoder().encodeToString(personalDataKey),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password()));
        return config;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
    }

    /** The SMTP server the service under test sends to (started with the {@link #MAIL} argument). */
    public static MailServer mail() {
        if (mail == null) {
            throw new IllegalStateException("DevStackResource was not started with the mail argument");
        }
        return mail;
    }

    public static String bootstrapServers() {
        if (kafka == null) {
            throw new IllegalStateException("DevStackResource has not started");
        }
        return kafka.bootstrapServers();
    }
}

package net.collab.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for the local run and the tests: an embedded server (real PostgreSQL 17 binaries
 * from Maven Central), or an external server when a JDBC URL is given. One database per service.
 */
public final class PostgresServer implements AutoCloseable {

    private volatile EmbeddedPostgres embedded;
    private final Path dataDir;
    /** How the embedded server was started, to start it again on the same data after it was killed. */
    private int port;
    private boolean fsync;
    private boolean statementStatistics;
    private final String baseUrl;
    private final String username;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, Path dataDir, String baseUrl, String username, String password) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /**
     * Starts an embedded server.
     *
     * @param dataDir kept between runs when {@code clean} is false
     * @param port    0 for any free port
     * @param fsync   flush to disk (survives a machine crash); without it a commit still survives the
     *                death of every PostgreSQL process, which is all that throwaway test data needs
     */
    public static PostgresServer embedded(Path dataDir, int port, boolean clean, boolean fsync) {
        return embedded(dataDir, port, clean, fsync, false);
    }

    /** As above; {@code statementStatistics} loads pg_stat_statements, which keeps each statement's calls and time. */
    public static PostgresServer embedded(Path dataDir, int port, boolean clean, boolean fsync, boolean statementStatistics) {
        int serverPort = Ports.freeOrRequire(port, "PostgreSQL");
        PostgresServer server = new PostgresServer(startEmbedded(dataDir, serverPort, clean, fsync, statementStatistics), dataDir,
                "jdbc:postgresql://localhost:" + serverPort + "/", "postgres", "postgres");
        server.port = serverPort;
        server.fsync = fsync;
        server.statementStatistics = statementStatistics;
        return server;
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir, int serverPort, boolean clean, boolean fsync,
            boolean statementStatistics) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (statementStatistics) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPort(serverPort)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Our owner stops it after the services that use it (and the guard after a crash);
                    // zonky's own hook would stop it concurrently with them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    // The embedded library turns synchronous commits off; then a commit is acknowledged
                    // before its WAL is written, and kill -9 of the server loses it.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .start();
            ProcessGuard.watch(postmasterPid(dataDir));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * Kills the embedded server's processes with SIGKILL, as a crash would (for fault tests): the
     * postmaster and every backend at once, so nothing is flushed on the way out.
     */
    public void kill() {
        if (embedded == null) {
            throw new IllegalStateException("an external PostgreSQL is not ours to kill");
        }
        long pid = postmasterPid(dataDir);
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        // Stopped first, the postmaster can neither start new backends nor notice its backends die.
        signal("STOP", pid);
        List<ProcessHandle> processes = new java.util.ArrayList<>(List.of(postmaster));
        processes.addAll(postmaster.descendants().toList());
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
        ProcessGuard.forget(pid);
        // Lets go of the data directory's lock; closing a throwaway server would also delete its data,
        // which the restart needs (zonky's switch for keeping it is a system property).
        synchronized (PostgresServer.class) {
            System.setProperty("ot.epg.no-cleanup", "true");
            try {
                embedded.close();
            } catch (IOException e) {
                // pg_ctl stop finds no server: it was killed
            } finally {
                System.clearProperty("ot.epg.no-cleanup");
            }
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the killed server again on its data and port (it recovers from its write-ahead log). */
    public void restart() {
        if (embedded == null) {
            throw new IllegalStateException("an external PostgreSQL is not ours to restart");
        }
        embedded = startEmbedded(dataDir, port, false, fsync, statementStatistics);
    }

    /** The postmaster's process id, or -1 for an external server. */
    public long pid() {
        return embedded == null ? -1 : postmasterPid(dataDir);
    }

    /** Uses a running server, e.g. {@code jdbc:postgresql://db.example:5432/}. */
    public static PostgresServer external(String baseUrl, String username, String password) {
        String url = baseUrl.endsWith("/") ? baseUrl : baseUrl.substring(0, baseUrl.lastIndexOf('/') + 1);
        return new PostgresServer(null, null, url, username, password);
    }

    // The postmaster daemonizes: its pid is only in its pid file (the guard needs it to stop it
    // if this JVM is killed).
    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDir, e);
        }
    }

    /** Creates the database unless it exists, and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + name);
        }
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", username, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet result = exists.executeQuery()) {
                    if (!result.next()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("create database " + name);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return baseUrl + database;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

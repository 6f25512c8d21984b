package net.collab.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

/**
 * The whole network on this machine: Kafka, PostgreSQL (a database per service), Keycloak with the
 * realm, then the four services and the console from their packaged jars. Used by
 * {@code deploy/local/start} (fixed ports, data kept) and by system-tests (free ports, throwaway data).
 */
public final class CollabNetwork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CollabNetwork.class);
    public static final List<String> SERVICES = List.of("registry-service", "action-service", "matching-service",
            "notification-service");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param root               the repository's root (where the modules' target folders are)
     * @param dataDir            where the components keep their data and logs
     * @param persistent         keep data between runs (local run) or start clean (tests)
     * @param fsync              PostgreSQL flushes commits to disk (local run, benchmark); tests need only
     *                           that commits survive the death of the server's processes
     * @param ports              port per component name (kafka, postgres, keycloak, console, and each service); 0 = any free
     * @param externalPostgresUrl a JDBC URL of a running PostgreSQL to use instead of the embedded one, or null
     * @param statementStatistics the embedded PostgreSQL keeps per-statement times (pg_stat_statements): the benchmark's
     * @param settings           environment variables per service beyond the network's own (a test's shorter timeouts)
     */
    public record Options(Path root, Path dataDir, boolean persistent, boolean fsync, Map<String, Integer> ports,
            String externalPostgresUrl, String externalPostgresUser, String externalPostgresPassword,
            boolean statementStatistics, Map<String, Map<String, String>> settings) {

        /** These options with one more setting (an environment variable) for the service. */
        public Options with(String service, String variable, String value) {
            Map<String, Map<String, String>> more = new LinkedHashMap<>(settings);
            Map<String, String> serviceSettings = new LinkedHashMap<>(settings.getOrDefault(service, Map.of()));
            serviceSettings.put(variable, value);
            more.put(service, Map.copyOf(serviceSettings));
            return new Options(root, dataDir, persistent, fsync, ports, externalPostgresUrl, externalPostgresUser,
                    externalPostgresPassword, statementStatistics, Map.copyOf(more));
        }

        /** The local run: the ports of the design, data under deploy/local/.run. */
        public static Options local(Path root) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("console", 8080);
            ports.put("registry-service", 8081);
            ports.put("action-service", 8082);
            ports.put("matching-service", 8083);
            ports.put("notification-service", 8084);
            ports.put("keycloak", 8180);
            ports.put("kafka", 9092);
            ports.put("postgres", 15432);
            ports.put("smtp", 3025);
            ports.put("imap", 3143);
            return new Options(root, root.resolve("deploy/local/.run"), true, true, ports,
                    System.getenv("COLLABNET_POSTGRES_URL"), env("COLLABNET_POSTGRES_USER", "postgres"),
                    env("COLLABNET_POSTGRES_PASSWORD", "postgres"), false, Map.of());
        }

        /** Tests: every port free-chosen, clean data. */
        public static Options ephemeral(Path root, Path dataDir) {
            return new Options(root, dataDir, false, false, Map.of(), null, null, null, false, Map.of());
        }

        /** The benchmark: clean data and free ports as in tests, but the disk behaves as in the local run. */
        public static Options benchmark(Path root, Path dataDir) {
            return new Options(root, dataDir, false, true, Map.of(), null, null, null, true, Map.of())
                    .withoutWriteRateLimits();
        }

        /**
         * These options with each service's per-client write limit lifted: a load generator posts
         * hundreds of needs a second as one person, which no person does.
         */
        public Options withoutWriteRateLimits() {
            Options lifted = this;
            for (String service : SERVICES) {
                lifted = lifted.with(service, "COLLABNET_HTTP_WRITE_RATE_BURST", "1000000")
                        .with(service, "COLLABNET_HTTP_WRITE_RATE_PER_SECOND", "1000000");
            }
            return lifted;
        }

        int port(String component) {
            return ports.getOrDefault(component, 0);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Long> pids = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each service's environment, for another instance of it. */
    private final Map<String, Map<String, String>> environments = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each running Quarkus application by instance name (a service's module name, "-2" for its second instance). */
    private final Map<String, Instance> instances = new java.util.concurrent.ConcurrentHashMap<>();

    /** How an instance was started, to start it again after it was killed. */
    private static final class Instance {
        final String module;
        final int port;
        final Map<String, String> env;
        volatile ChildProcess process;

        Instance(String module, int port, Map<String, String> env) {
            this.module = module;
            this.port = port;
            this.env = env;
        }
    }
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private KeycloakServer keycloak;
    private MailServer mail;

    private CollabNetwork(Options options) {
        this.options = options;
    }

    /**
     * The demo realm, with the console's sign-in addresses moved to where this network's console
     * listens (the realm file names the local run's port 8080).
     */
    private Path realmFor(String consoleOrigin, Path data) {
        Path realm = options.root().resolve("deploy/keycloak/collabnet-realm.json");
        if (consoleOrigin.equals("http://localhost:8080")) {
            return realm;
        }
        try {
            Path moved = Files.createDirectories(data).resolve("collabnet-realm.json");
            Files.writeString(moved, Files.readString(realm).replace("http://localhost:8080", consoleOrigin));
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CollabNetwork start(Options options) {
        CollabNetwork network = new CollabNetwork(options);
        try {
            network.startAll();
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private void startAll() {
        requireBuilt();
        Path data = options.dataDir();
        if (!options.persistent()) {
            // Throwaway data means all of it: topics left by an earlier run would be read by new consumers,
            // and a database left by a run that was killed would stop initdb.
            deleteRecursively(data.resolve("kafka"));
            deleteRecursively(data.resolve("postgres"));
        }
        var broker = CompletableFuture.supplyAsync(() -> KafkaBroker.start(data.resolve("kafka"), options.port("kafka")));
        var database = CompletableFuture.supplyAsync(() -> options.externalPostgresUrl() != null
                ? PostgresServer.external(options.externalPostgresUrl(), options.externalPostgresUser(),
                        options.externalPostgresPassword())
                : PostgresServer.embedded(data.resolve("postgres"), options.port("postgres"), !options.persistent(),
                        options.fsync(), options.statementStatistics()));
        int consolePort = Ports.freeOrRequire(options.port("console"), "console");
        String consoleOrigin = "http://localhost:" + consolePort;
        Path realmFile = realmFor(consoleOrigin, data);
        var identity = CompletableFuture.supplyAsync(() -> KeycloakServer.start(data.resolve("keycloak"),
                options.port("keycloak"), realmFile, "collabnet", !options.persistent()));
        try {
            kafka = track(join(broker, "Kafka"));
            postgres = track(join(database, "PostgreSQL"));
            keycloak = track(join(identity, "Keycloak"));
            pids.put("kafka", kafka.pid());
            pids.put("keycloak", keycloak.pid());
            if (postgres.pid() > 0) {
                pids.put("postgres", postgres.pid());
            }
            kafka.createNetworkTopics();
            urls.put("keycloak", keycloak.url());
            // The SMTP server every e-mail goes to (nothing leaves the machine); the local run keeps each as a file.
            mail = track(MailServer.start(options.port("smtp"), options.port("imap")));
            if (options.persistent()) {
                mail.copyTo(mailFolder());
            }

            String personalDataKey = personalDataKey(data);
            List<CompletableFuture<Void>> services = new ArrayList<>();
            Map<String, String> serviceUrls = new LinkedHashMap<>();
            for (String service : SERVICES) {
                int port = Ports.freeOrRequire(options.port(service), service);
                serviceUrls.put(service, "http://localhost:" + port);
                Map<String, String> env = new HashMap<>();
                env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.createDatabase(service.replace("-service", "")));
                env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
                env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
                env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
                env.put("COLLABNET_CONSOLE_ORIGIN", consoleOrigin);
                // registry-service looks people up by e-mail with its service account (see the realm file).
                env.put("QUARKUS_REST_CLIENT_KEYCLOAK_ADMIN_URL", keycloak.url() + "/admin/realms/collabnet");
                env.put("COLLABNET_REGISTRY_CLIENT_SECRET", "local-demo-registry-secret");
                if (service.equals("notification-service")) {
                    // Webhook receivers of the walk-through and the tests run on this machine; in production
                    // a webhook may not point at the network's own machines.
                    env.put("COLLABNET_NOTIFICATIONS_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
                    env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                    env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.smtpPort()));
                    env.put("COLLABNET_NOTIFICATIONS_EMAIL_INBOX_LINK", consoleOrigin + "/inbox");
                }
                if (service.equals("action-service")) { // the only one that keeps personal data
                    env.put("COLLABNET_PERSONAL_DATA_KEY", personalDataKey);
                }
                env.putAll(options.settings().getOrDefault(service, Map.of()));
                environments.put(service, env);
                services.add(CompletableFuture.runAsync(() -> startQuarkusApp(service, port, env)));
            }
            Map<String, String> consoleEnv = new HashMap<>();
            consoleEnv.put("QUARKUS_HTTP_PORT", Integer.toString(consolePort));
            consoleEnv.put("COLLABNET_CONSOLE_REGISTRY_URL", serviceUrls.get("registry-service"));
            consoleEnv.put("COLLABNET_CONSOLE_ACTION_URL", serviceUrls.get("action-service"));
            consoleEnv.put("COLLABNET_CONSOLE_MATCHING_URL", serviceUrls.get("matching-service"));
            consoleEnv.put("COLLABNET_CONSOLE_NOTIFICATION_URL", serviceUrls.get("notification-service"));
            consoleEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
            consoleEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            consoleEnv.put("COLLABNET_CONSOLE_CLIENT_SECRET", "local-demo-console-secret-0123456789"); // the demo realm's
            consoleEnv.putAll(options.settings().getOrDefault("console", Map.of()));
            services.add(CompletableFuture.runAsync(() -> startQuarkusApp("console", consolePort, consoleEnv)));
            CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)).join();
            urls.put("console", consoleOrigin);
            urls.putAll(serviceUrls);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The key that encrypts beneficiaries' personal data: made once per data directory and kept
     * there (readable by its owner only), so a restarted network reads what it wrote; never in git.
     */
    private static String personalDataKey(Path data) {
        Path file = data.resolve("personal-data.key");
        try {
            if (!java.nio.file.Files.exists(file)) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                java.nio.file.Files.createDirectories(data);
                try { // readable by its owner only from the start
                    java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    java.nio.file.Files.createFile(file); // not a POSIX file system: the directory's own permissions apply
                }
                java.nio.file.Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
            }
            return java.nio.file.Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A second instance of a service beside the first, on its own port, with the same database and
     * broker (its consumers join the same groups and share the partitions): for tests of what two
     * instances do at once. @return its base URL
     */
    public String startAnotherInstance(String service) {
        int port = Ports.freeOrRequire(0, service);
        Map<String, String> env = new HashMap<>(environments.get(service));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        startQuarkusApp(service, service + "-2", port, env);
        return "http://localhost:" + port;
    }

    private void startQuarkusApp(String name, int port, Map<String, String> env) {
        startQuarkusApp(name, name, port, env);
    }

    private void startQuarkusApp(String module, String name, int port, Map<String, String> env) {
        Instance instance = new Instance(module, port, env);
        instances.put(name, instance);
        synchronized (started) {
            started.add(() -> {
                ChildProcess process = instance.process;
                if (process != null) {
                    process.stop(Duration.ofSeconds(15));
                }
            });
        }
        launch(name, instance);
    }

    private void launch(String name, Instance instance) {
        Path jar = options.root().resolve(instance.module).resolve("target/quarkus-app/quarkus-run.jar");
        // A fixed heap: grown from a small start, the old generation filled up under load and full
        // collections paused the service (seen in a flight recording at 80 needs/s).
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms384m", "-Xmx384m",
                "-XX:+UseSerialGC"));
        // Extra JVM options for the services, e.g. a flight recording while measuring (deploy/bench --profile).
        String extra = System.getenv("COLLABNET_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            for (String option : extra.trim().split("\\s+")) {
                command.add(option.replace("{name}", name));
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcess process = ChildProcess.start(name, command, instance.env, options.root(),
                logFolder().resolve(name + ".log"));
        instance.process = process;
        pids.put(name, process.pid());
        String health = "http://localhost:" + instance.port + "/q/health/ready";
        Ports.await(name, Duration.ofSeconds(120), () -> ok(health), process);
        LOG.infof("%s is ready on port %d", name, instance.port);
    }

    /**
     * Kills an instance with SIGKILL, as a crash or the kernel's OOM killer would (for fault tests):
     * {@code name} is a service's module name, or "-2" after it for its second instance, or "kafka",
     * or "postgres" (every process of the embedded server).
     */
    public void kill(String name) {
        switch (name) {
            case "kafka" -> kafka.kill();
            case "postgres" -> postgres.kill();
            default -> instanceNamed(name).process.kill();
        }
        LOG.infof("%s killed (SIGKILL)", name);
    }

    /**
     * Starts a killed instance again, on the same port with the same settings, and waits until it is
     * ready; "kafka" and "postgres" start again on their data and ports.
     */
    public void restart(String name) {
        if (name.equals("kafka")) {
            kafka.restart();
            pids.put("kafka", kafka.pid());
            return;
        }
        if (name.equals("postgres")) {
            postgres.restart();
            pids.put("postgres", postgres.pid());
            return;
        }
        Instance instance = instanceNamed(name);
        if (instance.process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(name, instance);
    }

    private Instance instanceNamed(String name) {
        Instance instance = instances.get(name);
        if (instance == null) {
            throw new IllegalArgumentException("no instance " + name + "; running: " + instances.keySet());
        }
        return instance;
    }

    private static boolean ok(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void requireBuilt() {
        List<String> missing = new ArrayList<>();
        for (String app : new ArrayList<>(SERVICES) {{ add("console"); }}) {
            if (!Files.exists(options.root().resolve(app).resolve("target/quarkus-app/quarkus-run.jar"))) {
                missing.add(app);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + " (run ./mvnw install -DskipTests)");
        }
    }

    private static <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException(what + " did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private <T extends AutoCloseable> T track(T component) {
        synchronized (started) {
            started.add(component);
        }
        return component;
    }

    /** Base URL per component: console, keycloak and each service by module name. */
    public Map<String, String> urls() {
        return Map.copyOf(urls);
    }

    public String url(String component) {
        return urls.get(component);
    }

    /** Process id per component (kafka, postgres, keycloak, console and each service), for measurements. */
    public Map<String, Long> pids() {
        return Map.copyOf(pids);
    }

    /** The SMTP server the services send e-mail to. */
    public MailServer mail() {
        return mail;
    }

    /** Where each service writes its log ({@code <instance>.log}). */
    public Path logFolder() {
        return options.dataDir().resolve("logs");
    }

    /** Where the local run keeps each e-mail sent, as an {@code .eml} file. */
    public Path mailFolder() {
        return options.dataDir().resolve("mail");
    }

    /** The network's PostgreSQL server (one database per service, named after it without "-service"). */
    public PostgresServer postgres() {
        return postgres;
    }

    public String keycloakIssuer() {
        return keycloak.issuer();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Stops everything, the services first and the infrastructure last. */
    @Override
    public void close() {
        List<AutoCloseable> reversed;
        synchronized (started) {
            reversed = new ArrayList<>(started);
            started.clear();
        }
        java.util.Collections.reverse(reversed);
        for (AutoCloseable component : reversed) {
            try {
                component.close();
            } catch (Exception e) {
                LOG.warnf("stopping %s failed: %s", component, e.toString());
            }
        }
    }
}

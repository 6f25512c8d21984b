package net.collab.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A real single-node Kafka broker in KRaft mode, as a child process whose class path is the
 * broker's jars in the local Maven repository (recorded at build time).
 */
public final class KafkaBroker implements AutoCloseable {

    private volatile ChildProcess process;
    private final Path dataDir;
    private final int port;

    private KafkaBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts a broker keeping its data in {@code dataDir} (formatted on first use).
     *
     * @param port the client port, or 0 for any free port
     */
    public static KafkaBroker start(Path dataDir, int port) {
        KafkaBroker broker = new KafkaBroker(dataDir, Ports.freeOrRequire(port, "Kafka"));
        broker.launch();
        return broker;
    }

    private void launch() {
        int controllerPort = Ports.free();
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("logs");
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties(port, controllerPort, logDir), StandardCharsets.UTF_8);
            String classpath = brokerClasspath();
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(classpath, config, dataDir);
            }
            process = ChildProcess.start("kafka", List.of(ChildProcess.javaExecutable(),
                    "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.level=WARN",
                    "-cp", classpath, "kafka.Kafka", config.toString()), Map.of(), dataDir, dataDir.resolve("kafka.log"));
            Ports.await("Kafka", Duration.ofSeconds(60), () -> Ports.isOpen(port) && clusterAnswers(), process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the broker with SIGKILL, as a crash would (for fault tests). */
    public void kill() {
        process.kill();
    }

    /** Starts the killed broker again on its data and client port; waits until it answers. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("Kafka is still running");
        }
        launch();
    }

    private static String serverProperties(int clientPort, int controllerPort, Path logDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private static void format(String classpath, Path config, Path dataDir) throws IOException {
        Process format = new ProcessBuilder(ChildProcess.javaExecutable(), "-cp", classpath, "kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
                .directory(dataDir.toFile()).redirectErrorStream(true).start();
        String output = new String(format.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/devstack/kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("devstack/kafka-broker.classpath is missing: build platform/devstack with Maven");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<String> missing = new ArrayList<>();
            for (String jar : classpath.split(":")) {
                if (!Files.exists(Path.of(jar))) {
                    missing.add(jar);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Kafka jars missing from the local Maven repository (rebuild platform/devstack): "
                        + missing);
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean clusterAnswers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(config);
    }

    /**
     * Creates the network's topics that must not be auto-created with defaults: the registry's
     * topics are compacted (the last event per key is the state). Existing topics are left alone.
     */
    public void createNetworkTopics() {
        Map<String, Boolean> topics = Map.of(
                "registry.organizations.v1", true,
                "registry.areas.v1", true,
                "action.needs.v1", false,
                "action.offers.v1", false,
                "action.actions.v1", false,
                "action.advocacy.v1", false,
                "action.ledger.v1", false,
                "matching.matches.v1", false,
                "notification.deliveries.v1", false);
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), 3, (short) 1).configs(topic.getValue()
                            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                            : Map.of()))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}

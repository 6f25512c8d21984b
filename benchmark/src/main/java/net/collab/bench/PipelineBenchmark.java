package net.collab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * {@code deploy/bench}: the pipeline beside the machine's floor, in one run.
 *
 * <ol>
 * <li>Starts the network as the local run does (fresh data, commits flushed to disk) with the demo
 * organizations; 草桥口社区志愿服务队 will post needs for masks, 山东威海长城爱心大本营 offers them
 * for the whole district.</li>
 * <li>Floor: a bare Kafka produce → consume hop; PostgreSQL single-row commits with 1 and 4 connections.</li>
 * <li>P1 throughput: open-loop {@code POST /needs} at rising rates; a rate is held when every need
 * reaches both inbox items and the provider's live stream with the 99th percentile under the limit. The highest rate held is then
 * held again for the hold duration, and the CPU each process spent is measured over it.</li>
 * <li>P2 latency at half that rate: {@code POST /needs} answered → match committed → provider's
 * inbox item committed → the item on the provider's live stream (Server-Sent Events, read as the
 * console would).</li>
 * <li>Zero loss: every need accepted has exactly one proposal and one inbox item per party, and the
 * provider's stream told each proposal once; every dead-letter topic is empty.</li>
 * </ol>
 */
public final class PipelineBenchmark {

    private static final String AREA = "370811012002"; // 草桥口社区, 济宁市任城区济阳街道

    private final Settings settings;
    private CollabNetwork network;
    private DeliveryObserver observer;
    private LiveStream stream;
    private NeedLoad load;
    private ProcessMeter meter;
    private UUID requester;
    private UUID provider;
    private final List<UUID> allNeeds = new ArrayList<>();

    record Settings(Path root, double[] rates, Duration warmUp, Duration step, Duration hold, Duration latency,
            double maxP99Millis, Duration drain) {

        static Settings parse(String[] args) {
            Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".").toAbsolutePath().normalize();
            Map<String, String> options = new LinkedHashMap<>();
            for (String arg : args) {
                if (arg.startsWith("--") && arg.contains("=")) {
                    options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                }
            }
            double[] rates = Arrays.stream(options.getOrDefault("rates", "50,100,200,300,400,600,800,1000,1250,1500,2000")
                    .split(",")).mapToDouble(Double::parseDouble).toArray();
            return new Settings(root, rates, seconds(options, "warm-up", 180), seconds(options, "step", 15), seconds(options, "hold", 60),
                    seconds(options, "latency", 60), Double.parseDouble(options.getOrDefault("max-p99-ms", "1000")),
                    seconds(options, "drain", 30));
        }

        private static Duration seconds(Map<String, String> options, String name, int fallback) {
            return Duration.ofSeconds(Long.parseLong(options.getOrDefault(name, Integer.toString(fallback))));
        }
    }

    private PipelineBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Kept: java.util.logging holds loggers weakly, and a collected logger forgets its level. */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    public static void main(String[] args) throws Exception {
        KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
        PipelineBenchmark benchmark = new PipelineBenchmark(Settings.parse(args));
        try {
            benchmark.run();
        } finally {
            benchmark.close();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = Files.createDirectories(settings.root().resolve("benchmark/target/network"));
        say("启动网络 Starting the network (fresh data under " + settings.root().relativize(data) + ")…");
        network = CollabNetwork.start(CollabNetwork.Options.benchmark(settings.root(), data));
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        DemoData demo = new DemoData(network.keycloakIssuer(), network.url("registry-service"));
        demo.seedOrganizations(settings.root().resolve("deploy/local/demo-organizations.json"));
        String requesterToken = demo.token("caoqiao");
        String providerToken = demo.token("changcheng");
        requester = myOrganization(requesterToken);
        provider = myOrganization(providerToken);
        // The floor first, on a quiet machine: the same broker and server the services use.
        say("测量底线 Measuring the floor…");
        Latencies kafkaHop = Floor.kafkaHop(network.kafkaBootstrapServers(), 3000);
        double commits1 = Floor.postgresCommitsPerSecond(network.postgres(), 1, Duration.ofSeconds(5));
        double commits4 = Floor.postgresCommitsPerSecond(network.postgres(), 4, Duration.ofSeconds(5));
        say(String.format("  Kafka hop p50 / p90 / p99 / max ms: %s; PostgreSQL commits/s: %.0f (1 connection), %.0f (4)",
                kafkaHop.summary(), commits1, commits4));

        meter = new ProcessMeter(network.pids());
        observer = new DeliveryObserver(network.postgres());
        // The provider's person has the console open: the live stream is how they are told. They chose
        // the daily digest for proposals (a person does not want hundreds of e-mails a second); the
        // immediate e-mail path is shown by notification-service's tests, not measured here.
        put(network.url("notification-service") + "/preferences", providerToken, "{\"email\":{\"MATCH_PROPOSED\":\"DIGEST\"}}");
        stream = new LiveStream(network.url("notification-service"), providerToken);
        postWhenApproved(providerToken, "/offers", """
                {"organizationId":"%s","category":"SUPPLIES","item":"口罩","quantity":1000000000,"unit":"只","areaCode":"370811"}"""
                .formatted(provider));
        load = new NeedLoad(network.url("action-service"), requesterToken, requester, AREA);
        allNeeds.add(postWhenApproved(requesterToken, "/needs", load.body()));
        // The services' JIT compilers take a minute or two of load to reach steady state; measuring
        // before that would measure the compiler (its threads take a third of a core meanwhile).
        say("预热 Warming up: " + settings.warmUp().toSeconds() + " s at rising rates…");
        double[] warmUpRates = {50, 100, 200, 300, 300, 300};
        for (double rate : warmUpRates) {
            say(evaluate(load.run(rate, settings.warmUp().dividedBy(warmUpRates.length))).line());
        }


        say("P1 吞吐 Throughput: rising rates, " + settings.step().toSeconds() + " s each…");
        List<Outcome> ramp = new ArrayList<>();
        double best = 0;
        for (double rate : settings.rates()) {
            Outcome outcome = evaluate(load.run(rate, settings.step()));
            ramp.add(outcome);
            say(outcome.line());
            if (!outcome.held()) {
                break;
            }
            best = rate;
        }
        if (best == 0) {
            say("  不能保持最低速率 Not even the lowest rate was held; holding it anyway to measure where the time goes.");
            best = settings.rates()[0];
        }
        Outcome hold = null;
        Map<String, Double> cpuPerThousand = Map.of();
        String statements = "";
        for (int i = indexOf(settings.rates(), best); i >= 0; i--) {
            double rate = settings.rates()[i];
            awaitQuiet();
            say("P1 保持 Holding " + (int) rate + " needs/s for " + settings.hold().toSeconds() + " s…");
            StatementStatistics.reset(network.postgres());
            Map<String, Double> cpuBefore = meter.cpuSeconds();
            hold = evaluate(load.run(rate, settings.hold()));
            Map<String, Double> cpuAfter = meter.cpuSeconds();
            say(hold.line());
            cpuPerThousand = perThousand(cpuBefore, cpuAfter, hold.delivered());
            statements = StatementStatistics.table(network.postgres(), hold.delivered(), 15);
            if (hold.held()) {
                break;
            }
        }
        Map<String, Double> memory = meter.residentMiB();

        awaitQuiet();
        double latencyRate = hold.rate() / 2;
        say("P2 延迟 Latency at " + (int) latencyRate + " needs/s for " + settings.latency().toSeconds() + " s…");
        Outcome latency = evaluate(load.run(latencyRate, settings.latency()));
        say(latency.line());

        say("核对 Checking that nothing was lost…");
        List<String> losses = zeroLossCheck();

        String table = table(kafkaHop, commits1, commits4, ramp, hold, latency, cpuPerThousand, memory, losses)
                + String.format("%nWhere the database time goes during the P1 hold (pg_stat_statements, the 15 statements that took"
                        + " most; commits and the relay's polling included):%n") + statements;
        say(table);
        Path out = settings.root().resolve("benchmark/target/bench-report.md");
        Files.writeString(out, table);
        say("报告 Report written to " + settings.root().relativize(out));
        if (!losses.isEmpty()) {
            throw new IllegalStateException("LOSS: " + losses);
        }
    }

    /** A step's needs, followed until both inbox items of each and the stream's event arrived (or the drain time is over). */
    record Outcome(double rate, int accepted, int failed, String firstFailure, int delivered, double seconds,
            double deliveredPerSecond, Latencies post, Latencies toMatch, Latencies toProviderInbox, Latencies toProviderStream,
            boolean held) {

        String line() {
            return String.format("  %6.0f/s: %d accepted, %d failed, %d delivered, %.0f needs/s end to end;"
                    + " POST p99 %.1f ms; → provider's stream p50 %.1f p99 %.1f ms — %s",
                    rate, accepted, failed, delivered, deliveredPerSecond, post.percentileMillis(99),
                    toProviderStream.percentileMillis(50), toProviderStream.percentileMillis(99),
                    (held ? "held 保持" : "NOT held 未保持") + (firstFailure == null ? "" : " (first failure: " + firstFailure + ")"));
        }
    }

    private Outcome evaluate(NeedLoad.Result result) throws InterruptedException {
        result.posted().forEach(posted -> allNeeds.add(posted.needId()));
        long deadline = System.nanoTime() + settings.drain().toNanos();
        List<NeedLoad.Posted> waiting = new ArrayList<>(result.posted());
        Latencies toMatch = new Latencies();
        Latencies toProvider = new Latencies();
        Latencies toStream = new Latencies();
        Latencies post = new Latencies();
        long lastDelivery = result.endedNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            var iterator = waiting.iterator();
            while (iterator.hasNext()) {
                NeedLoad.Posted posted = iterator.next();
                DeliveryObserver.MatchSeen match = observer.match(posted.needId());
                if (match == null) {
                    continue;
                }
                Long providerItem = observer.inboxItem(match.matchId(), provider);
                Long requesterItem = observer.inboxItem(match.matchId(), requester);
                Long onStream = stream.proposal(match.matchId());
                if (providerItem != null && requesterItem != null && onStream != null) {
                    post.add(posted.answeredNanos() - posted.dueNanos());
                    toMatch.add(match.nanos() - posted.answeredNanos());
                    toProvider.add(providerItem - posted.answeredNanos());
                    toStream.add(onStream - posted.answeredNanos());
                    lastDelivery = Math.max(lastDelivery, Math.max(onStream, Math.max(providerItem, requesterItem)));
                    iterator.remove();
                }
            }
            if (!waiting.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        int delivered = result.posted().size() - waiting.size();
        double seconds = (lastDelivery - result.startedNanos()) / 1e9;
        boolean held = result.failed() == 0 && waiting.isEmpty()
                && toStream.percentileMillis(99) <= settings.maxP99Millis()
                && post.percentileMillis(99) <= settings.maxP99Millis();
        return new Outcome(result.rate(), result.posted().size(), result.failed(), result.firstFailure(), delivered, seconds,
                delivered / seconds, post, toMatch, toProvider, toStream, held);
    }

    /** Lets what earlier steps left behind (needs the drain gave up on) finish before measuring. */
    private void awaitQuiet() throws Exception {
        List<String> notYet = new ArrayList<>();
        long deadline = System.nanoTime() + settings.drain().toNanos();
        do {
            notYet.clear();
            storedNeedsAndTheirNews(notYet);
            if (!notYet.isEmpty()) {
                TimeUnit.SECONDS.sleep(1);
            }
        } while (!notYet.isEmpty() && System.nanoTime() < deadline);
    }

    /** Needs stored whose 201 the load generator never saw (requests it counted as unanswered). */
    private long storedUnanswered;

    /**
     * Waits until the network is quiet and consistent (requests the load generator gave up on may
     * still be in flight), then checks that nothing was lost.
     */
    private List<String> zeroLossCheck() throws Exception {
        awaitQuiet();
        List<String> losses = new ArrayList<>();
        storedNeedsAndTheirNews(losses);
        deadLetters(losses);
        return losses;
    }

    private void storedNeedsAndTheirNews(List<String> losses) throws Exception {
        var postgres = network.postgres();
        try (Connection action = DriverManager.getConnection(postgres.jdbcUrl("action"), postgres.username(), postgres.password());
                Connection matching = DriverManager.getConnection(postgres.jdbcUrl("matching"), postgres.username(), postgres.password());
                Connection notification = DriverManager.getConnection(postgres.jdbcUrl("notification"), postgres.username(),
                        postgres.password())) {
            // Every need stored counts, including any whose answer the load generator did not get.
            long stored = count(action, "select count(*) from need where organization_id = '" + requester + "'");
            long acceptedAndStored = count(action, "select count(*) from need where id = any('{"
                    + String.join(",", allNeeds.stream().map(UUID::toString).toList()) + "}'::uuid[])");
            storedUnanswered = stored - acceptedAndStored;
            if (acceptedAndStored != allNeeds.size()) {
                losses.add(allNeeds.size() + " needs accepted (201), only " + acceptedAndStored + " of them stored");
            }
            long matched = count(matching, "select count(distinct need_id) from match where requester_organization_id = '" + requester + "'");
            long matches = count(matching, "select count(*) from match where requester_organization_id = '" + requester + "'");
            if (matched != stored || matches != stored) {
                losses.add(stored + " needs stored, " + matched + " with a proposal, " + matches
                        + " proposals (one offer: expected one each)");
            }
            if (stream.proposalsSeen() != matches) {
                losses.add(matches + " proposals, " + stream.proposalsSeen() + " told on the provider's live stream");
            }
            for (UUID party : List.of(requester, provider)) {
                long items = count(notification, "select count(*) from inbox_item where kind = 'MATCH_PROPOSED'"
                        + " and recipient_organization_id = '" + party + "'");
                if (items != matches) {
                    losses.add(matches + " proposals, " + items + " inbox items for "
                            + (party.equals(provider) ? "the provider" : "the requester"));
                }
            }
        }
    }

    private void deadLetters(List<String> losses) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, network.kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String topic : topics.stream().filter(name -> name.endsWith(".dlq")).toList()) {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions();
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                partitions.forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
                long records = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                        .mapToLong(offset -> offset.offset()).sum();
                if (records > 0) {
                    losses.add(records + " records in dead-letter topic " + topic);
                }
            }
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private String table(Latencies kafkaHop, double commits1, double commits4, List<Outcome> ramp, Outcome hold, Outcome latency,
            Map<String, Double> cpuPerThousand, Map<String, Double> memory, List<String> losses) {
        StringBuilder t = new StringBuilder();
        t.append(String.format("%n## Pipeline benchmark, %s, %d cores, %s%n%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        t.append("| 底线 floor | figure |\n|---|---|\n");
        t.append(String.format("| Kafka hop produce→consume (acks=all, linger 0), p50 / p90 / p99 / max ms | %s |%n", kafkaHop.summary()));
        t.append(String.format("| PostgreSQL single-row INSERT commits/s, 1 connection | %.0f |%n", commits1));
        t.append(String.format("| PostgreSQL single-row INSERT commits/s, 4 connections | %.0f |%n%n", commits4));
        t.append("| P1 ramp: offered needs/s | accepted | end-to-end needs/s | POST p99 ms | → provider's stream p50 / p99 ms | held |\n");
        t.append("|---|---|---|---|---|---|\n");
        for (Outcome step : ramp) {
            t.append(String.format("| %.0f | %d | %.0f | %.1f | %.1f / %.1f | %s |%n", step.rate(), step.accepted(),
                    step.deliveredPerSecond(), step.post().percentileMillis(99), step.toProviderStream().percentileMillis(50),
                    step.toProviderStream().percentileMillis(99), step.held() ? "yes" : "no"));
        }
        t.append(String.format("%n| pipeline | figure | beside the floor |%n|---|---|---|%n"));
        t.append(String.format("| **P1** needs/s held for %d s, POST → both inbox items and the stream, zero loss | **%.0f** (%s) | %.2f × the 1-connection commit rate |%n",
                settings.hold().toSeconds(), hold.deliveredPerSecond(), hold.held() ? "held" : "NOT held",
                hold.deliveredPerSecond() / commits1));
        t.append(String.format("| **P2** at %.0f needs/s: POST answered → match committed, p50 / p90 / p99 / max ms | %s | %.1f × the Kafka hop p50 |%n",
                latency.rate(), latency.toMatch().summary(), latency.toMatch().percentileMillis(50) / kafkaHop.percentileMillis(50)));
        t.append(String.format("| **P2** POST answered → provider's inbox item committed, p50 / p90 / p99 / max ms | **%s** | %.1f × the Kafka hop p50 (2 hops) |%n",
                latency.toProviderInbox().summary(), latency.toProviderInbox().percentileMillis(50) / kafkaHop.percentileMillis(50)));
        t.append(String.format("| **P2** POST answered → on the provider's live stream (SSE), p50 / p90 / p99 / max ms | **%s** | %.1f × the Kafka hop p50 (2 hops) |%n",
                latency.toProviderStream().summary(), latency.toProviderStream().percentileMillis(50) / kafkaHop.percentileMillis(50)));
        t.append(String.format("| P2 POST /needs answered (from when due), p50 / p90 / p99 / max ms | %s | |%n", latency.post().summary()));
        t.append(String.format("| P2 needs accepted / failed / delivered within %d s | %d / %d / %d (%s) | |%n",
                settings.drain().toSeconds(), latency.accepted(), latency.failed(), latency.delivered(),
                latency.held() ? "held" : "NOT held"));
        t.append(String.format("%n| process | CPU s per 1,000 needs (P1 hold) | memory MiB (PSS) |%n|---|---|---|%n"));
        double cpuTotal = 0;
        double memoryTotal = 0;
        for (String name : cpuPerThousand.keySet()) {
            t.append(String.format("| %s | %.2f | %.0f |%n", name, cpuPerThousand.get(name), memory.getOrDefault(name, 0.0)));
            cpuTotal += cpuPerThousand.get(name);
            memoryTotal += memory.getOrDefault(name, 0.0);
        }
        t.append(String.format("| **whole stack** | **%.2f** (%.1f ms per need) | **%.0f** |%n", cpuTotal, cpuTotal, memoryTotal));
        t.append(String.format("%nZero loss 零丢失: %s%n", losses.isEmpty()
                ? allNeeds.size() + " needs accepted over the run, each stored with exactly one proposal and one inbox item per party,"
                        + " each proposal told on the provider's live stream (" + stream.duplicates() + " repeated, "
                        + stream.reconnects() + " reconnects); every dead-letter topic empty. Stored besides, without an answer seen by the load generator: "
                        + storedUnanswered + "."
                : "FAILED: " + losses));
        return t.toString();
    }

    private static Map<String, Double> perThousand(Map<String, Double> before, Map<String, Double> after, int needs) {
        Map<String, Double> result = new LinkedHashMap<>();
        after.forEach((name, seconds) -> result.put(name, (seconds - before.getOrDefault(name, 0.0)) * 1000.0 / Math.max(1, needs)));
        return result;
    }

    private static int indexOf(double[] rates, double rate) {
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] == rate) {
                return i;
            }
        }
        throw new IllegalArgumentException("no rate " + rate);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private UUID myOrganization(String token) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create(network.url("registry-service") + "/organizations/mine"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no organization in " + body);
        }
        return UUID.fromString(id.group(1));
    }

    private void put(String url, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Posts to action-service once the organization's approval has reached it (until then it
     * answers 403), and returns the new resource's id.
     */
    private UUID postWhenApproved(String token, String path, String body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(network.url("action-service") + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                String location = response.headers().firstValue("Location").orElseThrow();
                return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("POST " + path + " refused: " + response.body());
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private synchronized void close() {
        if (load != null) {
            load.close();
            load = null;
        }
        if (stream != null) {
            stream.close();
            stream = null;
        }
        if (observer != null) {
            observer.close();
            observer = null;
        }
        if (network != null) {
            network.close();
            network = null;
        }
    }

    /** The benchmark's progress and table are its output (like deploy/local/start's banner), not log lines. */
    private void say(String line) {
        System.out.println(line);
    }
}

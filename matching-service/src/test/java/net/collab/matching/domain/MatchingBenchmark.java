package net.collab.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import net.collab.matching.config.MatchingSettings;
import net.collab.testing.DevStackResource;

/**
 * The matching benchmark (deploy/bench-matching; not part of the tests). In a generated city it posts
 * needs and offers through the real {@link Matcher} against PostgreSQL (commits flushed to disk) until
 * 1,000, 10,000 and 100,000 items are open, and at each level measures: what one more event costs
 * (probes: a need or an offer matched in full — candidates found and ranked, proposals and their outbox
 * events written — then rolled back, so that the open items stay at the level), and how good the
 * incremental allocation is against the min-cost-flow optimum and first come, first served
 * ({@link Yardstick}). It prints a table and writes it to target/matching-bench-report.md.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@Tag("benchmark")
class MatchingBenchmark {

    private static final int FILL_BATCH = 100;
    /** Up to this many pairs the tree's optimum is checked against the product's optimizer over every pair. */
    private static final long PAIR_LIMIT = 400_000;
    private static final double TOLERANCE = 1e-3;

    @Inject
    Matcher matcher;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    MatchingSettings settings;

    record Level(int open, int posted, long[] costs, long[] needCosts, long[] offerCosts, long[] proposals, long[] searchOnlyCosts,
            long[] proposingCosts, long[] perProposalCosts, Yardstick.Result quality, long fillSeconds) {
    }

    @Test
    void matchingAtOneThousandTenThousandAndOneHundredThousandOpenItems() throws Exception {
        int[] levels = Arrays.stream(System.getProperty("collabnet.bench.levels", "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int probes = Integer.getInteger("collabnet.bench.probes", 2_000);
        BenchmarkCity city = new BenchmarkCity(Long.getLong("collabnet.bench.seed", 20261123L));
        city.define(dataSource);
        long[] commits = commitFloor(1_000);
        execute("create extension if not exists pg_stat_statements");
        // Planning as well as execution: a statement planned anew on every call costs its planning each time.
        execute("alter system set pg_stat_statements.track_planning = on");
        execute("select pg_reload_conf()");
        Ranking staticRanking = new Ranking(new StaticWeights(settings.weights()));
        Yardstick.Postings postings = new Yardstick.Postings();
        List<Level> measured = new ArrayList<>();
        for (int level : levels) {
            long fillStarted = System.nanoTime();
            int open = fillTo(level, city, postings);
            long fillSeconds = (System.nanoTime() - fillStarted) / 1_000_000_000;
            if (measured.isEmpty()) {
                for (int i = 0; i < probes; i++) {
                    probe(city.next()); // the JIT compilers settle before the first level is measured
                }
            }
            execute("select pg_stat_statements_reset()");
            List<Long> costs = new ArrayList<>();
            List<Long> needCosts = new ArrayList<>();
            List<Long> offerCosts = new ArrayList<>();
            List<Long> proposals = new ArrayList<>();
            List<Long> searchOnly = new ArrayList<>();
            List<Long> proposing = new ArrayList<>();
            List<Long> perProposal = new ArrayList<>();
            java.util.Map<Integer, List<Long>> offerCostsByAreaLength = new java.util.TreeMap<>();
            for (int i = 0; i < probes; i++) {
                Object posting = city.next();
                long[] probed = probe(posting);
                if (posting instanceof OfferReplica offer) {
                    offerCostsByAreaLength.computeIfAbsent(offer.areaCode.length(), length -> new ArrayList<>()).add(probed[0]);
                }
                costs.add(probed[0]);
                (posting instanceof NeedReplica ? needCosts : offerCosts).add(probed[0]);
                proposals.add(probed[1]);
                if (probed[1] == 0) {
                    searchOnly.add(probed[0]);
                } else {
                    proposing.add(probed[0]);
                    perProposal.add(probed[0] / probed[1]);
                }
            }
            printStatements(probes);
            Yardstick.Result quality = Yardstick.measure(dataSource, staticRanking, settings.weights().closeness(), postings, PAIR_LIMIT);
            // The optimum is the best any allocation can do: an allocation above it means the yardstick is wrong. (The
            // tolerance: the flows weigh to a thousandth, and the deadline part grows while the yardstick's queries run.)
            assertThat(quality.incremental()).isLessThanOrEqualTo(quality.optimum() * (1 + TOLERANCE));
            assertThat(quality.firstCome()).isLessThanOrEqualTo(quality.optimum() * (1 + TOLERANCE));
            if (!Double.isNaN(quality.optimumOverPairs())) {
                // The tree's flow leaves out one condition, so it is at least the optimum over every pair.
                assertThat(quality.optimum()).isGreaterThanOrEqualTo(quality.optimumOverPairs() * (1 - TOLERANCE));
            }
            Level row = new Level(open, postings.size(), sorted(costs), sorted(needCosts), sorted(offerCosts), sorted(proposals), sorted(searchOnly),
                    sorted(proposing), sorted(perProposal), quality,
                    fillSeconds);
            measured.add(row);
            System.out.println("[matching-bench] " + line(row));
            System.out.println("[matching-bench] " + byWhatItDid(row));
            offerCostsByAreaLength.forEach((length, nanos) -> System.out.printf(Locale.ROOT,
                    "[matching-bench] offers for an area of %d digits: %d, p50 %.2f ms, p99 %.2f ms%n", length, nanos.size(),
                    millis(sorted(nanos), 0.5), millis(sorted(nanos), 0.99)));
            System.out.printf(Locale.ROOT, "[matching-bench] optimum through the area tree %.1f, over every pair %.1f%n", quality.optimum(),
                    quality.optimumOverPairs());
        }
        String report = report(city, probes, commits, measured);
        System.out.println(report);
        Path file = Path.of("target", "matching-bench-report.md");
        Files.writeString(file, report);
        System.out.println("[matching-bench] written to " + file.toAbsolutePath());
    }

    /** Posts through the matcher, a batch per transaction as the consumer does, until {@code level} items are open. @return how many are */
    private int fillTo(int level, BenchmarkCity city, Yardstick.Postings postings) throws SQLException {
        int open = openItems();
        int limit = postings.size() + level * 5;
        while (open < level && postings.size() < limit) {
            List<Object> batch = new ArrayList<>();
            for (int i = 0; i < FILL_BATCH; i++) {
                batch.add(city.next());
            }
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(this::post));
            for (Object posting : batch) {
                if (posting instanceof NeedReplica need) {
                    postings.add(need.id, true, need.quantity, need.category + "/" + need.itemKey + "/" + need.unit, need.areaCode,
                            need.organizationId);
                } else {
                    OfferReplica offer = (OfferReplica) posting;
                    postings.add(offer.id, false, offer.quantity, offer.category + "/" + offer.itemKey + "/" + offer.unit,
                            offer.areaCode, offer.organizationId);
                }
            }
            open = openItems();
        }
        return open;
    }

    /** @return how many proposals it made (a takeover also cancels one) */
    private int post(Object posting) {
        return posting instanceof NeedReplica need ? matcher.needPosted(need).size() : matcher.offerPosted((OfferReplica) posting).size();
    }

    /** One event matched in full and written, then rolled back. @return nanoseconds, and the proposals it made */
    private long[] probe(Object posting) {
        long started = System.nanoTime();
        int proposals;
        QuarkusTransaction.begin();
        try {
            proposals = post(posting);
            entityManager.flush(); // the proposals and outbox events are written, as a commit would
        } finally {
            QuarkusTransaction.rollback();
        }
        return new long[] {System.nanoTime() - started, proposals};
    }

    /** Which of the matcher's ranked queries a statement is (they all start alike). */
    private static String whose(String query) {
        if (query.contains("held_match_id") && query.contains("farther")) {
            return "[closer offer takes over] ";
        }
        if (query.contains("held_match_id")) {
            return "[more urgent need takes over] ";
        }
        if (query.contains("limit " + Matcher.WIDE_OFFER_CANDIDATES)) {
            return "[wide offer's needs] ";
        }
        if (query.startsWith("with o as")) {
            return "[offer's needs] ";
        }
        if (query.startsWith("with n as")) {
            return "[need's free offers] ";
        }
        return "";
    }

    /** Where the database's time went during the probes: the statements that took most, per probe event. */
    private void printStatements(int probes) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select calls, total_plan_time + total_exec_time, regexp_replace(query, '\\s+', ' ', 'g'), plans,
                            total_plan_time from pg_stat_statements
                        where query not like '%pg_stat_statements%' order by 2 desc limit 8""")) {
            while (rows.next()) {
                String query = rows.getString(3);
                System.out.printf(Locale.ROOT, "[matching-bench]   %.2f calls (%.2f planned), %.3f ms per event (planning %.3f): %s%s%n",
                        rows.getDouble(1) / probes, rows.getDouble(4) / probes, rows.getDouble(2) / probes, rows.getDouble(5) / probes,
                        whose(query), query.substring(0, Math.min(query.length(), 100)));
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private int openItems() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select (select count(*) from need_replica where open and quantity_covered < quantity)
                             + (select count(*) from offer_replica where open and quantity_available > 0)""")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The database's floor: one small insert committed (and flushed to disk) at a time. @return nanoseconds each, sorted */
    private long[] commitFloor(int commits) throws SQLException {
        long[] nanos = new long[commits];
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                // A table of its own, logged as the service's are (a temporary table's commits are not flushed).
                statement.execute("create table commit_floor (id bigserial, at timestamptz)");
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into commit_floor (at) values (now())")) {
                connection.setAutoCommit(true);
                for (int i = 0; i < commits; i++) {
                    long started = System.nanoTime();
                    insert.executeUpdate();
                    nanos[i] = System.nanoTime() - started;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table commit_floor");
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static String line(Level row) {
        Yardstick.Result q = row.quality();
        return String.format(Locale.ROOT, "| %,d | %,d | %,d / %,d | %,d | %.2f | %.2f | %.2f / %.2f | %.2f / %d | %.1f %% | %.1f %% | %.1f / %.1f / %.1f %% | %d s | %.1f s |",
                row.open(), row.posted(), q.needs(), q.offers(), q.pairs(), millis(row.costs(), 0.5), millis(row.costs(), 0.99),
                millis(row.needCosts(), 0.99), millis(row.offerCosts(), 0.99),
                Arrays.stream(row.proposals()).average().orElse(0), row.proposals()[(int) Math.ceil(0.99 * row.proposals().length) - 1],
                100 * q.incremental() / q.optimum(), 100 * q.firstCome() / q.optimum(),
                100 * q.incrementalUnits() / q.demandUnits(), 100 * q.firstComeUnits() / q.demandUnits(),
                100 * q.optimumUnits() / q.demandUnits(), row.fillSeconds(), q.millis() / 1000.0);
    }

    private static String byWhatItDid(Level row) {
        return String.format(Locale.ROOT, "| %,d | %,d, %.2f / %.2f | %,d, %.2f / %.2f | %.2f |", row.open(), row.searchOnlyCosts().length,
                millis(row.searchOnlyCosts(), 0.5), millis(row.searchOnlyCosts(), 0.99), row.proposingCosts().length,
                millis(row.proposingCosts(), 0.5), millis(row.proposingCosts(), 0.99), millis(row.perProposalCosts(), 0.5));
    }

    private static String report(BenchmarkCity city, int probes, long[] commits, List<Level> levels) {
        StringBuilder out = new StringBuilder();
        out.append("## Matching benchmark, ").append(LocalDate.now()).append("\n\n");
        out.append(String.format(Locale.ROOT, "Machine: %d cores, %s %s; PostgreSQL commits flushed to disk.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch")));
        out.append(String.format(Locale.ROOT, "City: %,d communities (risk %s), %,d organizations, %d items.%n",
                city.communities(), String.join(", ", city.riskShares()), BenchmarkCity.ORGANIZATIONS, BenchmarkCity.ITEMS.size()));
        out.append(String.format(Locale.ROOT, "Floor: one PostgreSQL commit p50 %.2f ms, p99 %.2f ms.%n%n", millis(commits, 0.5),
                millis(commits, 0.99)));
        out.append("| open items | posted | needs / offers | pairs that fit | cost p50 ms | cost p99 ms | p99 need / offer ms"
                + " | proposals per event, mean / p99 | incremental, % of optimum | first come, % of optimum | units covered: incremental / first come / optimum"
                + " | fill | yardstick |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        levels.forEach(level -> out.append(line(level)).append('\n'));
        Level first = levels.get(0);
        Level last = levels.get(levels.size() - 1);
        out.append(String.format(Locale.ROOT, "%nCost at %,d open items against %,d: p50 %.2f×, p99 %.2f× (goal ≤ 3×).%n", last.open(),
                first.open(), millis(last.costs(), 0.5) / millis(first.costs(), 0.5), millis(last.costs(), 0.99) / millis(first.costs(), 0.99)));
        out.append("\nWhat an event costs by what it does: one that proposes nothing is the search alone (candidates found and"
                + " ranked, takeovers looked for); one that proposes also writes its proposals, their outbox events and reservations,"
                + " takes over and re-offers.\n\n");
        out.append("| open items | proposed nothing: events, p50 / p99 ms | proposed: events, p50 / p99 ms | per proposal p50 ms |\n");
        out.append("|---:|---:|---:|---:|\n");
        levels.forEach(level -> out.append(byWhatItDid(level)).append('\n'));
        out.append(String.format(Locale.ROOT, "%nThe search alone at %,d open items against %,d: p50 %.2f×, p99 %.2f×.%n", last.open(),
                first.open(), millis(last.searchOnlyCosts(), 0.5) / millis(first.searchOnlyCosts(), 0.5),
                millis(last.searchOnlyCosts(), 0.99) / millis(first.searchOnlyCosts(), 0.99)));
        out.append(String.format(Locale.ROOT, "Cost: %,d probe events per level (a need 60 %%, an offer 40 %%), each matched in full"
                + " and written, then rolled back; the commit (floor above) is not in it; as many probes before the first level"
                + " warm the JIT compilers.%n", probes));
        out.append("Quality: weighted fulfilment Σ units × weight over everything posted; the weight is the score without the"
                + " provider's load and track record (which change with each proposal).\n");
        return out.toString();
    }

    /** The configured weights, without the provider's load and track record. */
    private record StaticWeights(MatchingSettings.Weights configured) implements MatchingSettings.Weights {
        @Override
        public double urgency() {
            return configured.urgency();
        }

        @Override
        public double risk() {
            return configured.risk();
        }

        @Override
        public double deadline() {
            return configured.deadline();
        }

        @Override
        public double closeness() {
            return configured.closeness();
        }

        @Override
        public double load() {
            return 0;
        }

        @Override
        public double record() {
            return 0;
        }
    }
}

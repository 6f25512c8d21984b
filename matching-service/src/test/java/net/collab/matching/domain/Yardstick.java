package net.collab.matching.domain;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * The matching benchmark's measure of quality. Over every need and offer posted so far it compares
 * three allocations by their weighted fulfilment, Σ units × weight, where a pair's weight is the
 * matcher's score without the provider's load and track record (they change with every proposal, so
 * with them no allocation-independent optimum exists): what the incremental matcher proposed, what
 * first come, first served would have (each arrival takes the earliest counterpart that fits), and
 * the min-cost-flow optimum.
 *
 * <p>Without the provider's parts, a pair's weight is the need's own score (urgency, risk, deadline,
 * closeness 1) less a quarter of the closeness weight per level the offer's area is above the need's.
 * So the optimum is a min-cost flow through the area tree — offers enter at their area, flow down
 * one level at a time at that cost, and leave through the needs below — whose size follows the
 * number of postings, not of pairs (millions at 100,000 items, too many for one graph). It leaves out
 * one condition (a requester never serves itself), so it is at least the true optimum; where the
 * pairs are few enough, the product's own {@link OptimalAllocation} over every pair checks it.
 */
final class Yardstick {

    /** The postings in the order the matcher saw them. */
    static final class Postings {
        final List<UUID> ids = new ArrayList<>();
        final List<Boolean> isNeed = new ArrayList<>();
        final List<Long> hundredths = new ArrayList<>();
        final List<String> group = new ArrayList<>();
        final List<String> area = new ArrayList<>();
        final List<UUID> organization = new ArrayList<>();

        void add(UUID id, boolean need, BigDecimal quantity, String group, String area, UUID organization) {
            ids.add(id);
            isNeed.add(need);
            hundredths.add(quantity.movePointRight(2).longValueExact());
            this.group.add(group);
            this.area.add(area);
            this.organization.add(organization);
        }

        int size() {
            return ids.size();
        }
    }

    /** Weighted fulfilment and units are in whole units; {@code optimumOverPairs} is NaN where not computed. */
    record Result(int needs, int offers, long pairs, double incremental, double firstCome, double optimum, double optimumOverPairs,
            double demandUnits, double incrementalUnits, double firstComeUnits, double optimumUnits, long millis) {
    }

    private Yardstick() {
    }

    static Result measure(DataSource dataSource, Ranking staticRanking, double closenessWeight, Postings postings, long pairLimit)
            throws SQLException {
        long started = System.nanoTime();
        Map<UUID, Double> needScores = needScores(dataSource, staticRanking);
        double[] incremental = incremental(dataSource, staticRanking);
        double[] firstCome = firstComeFirstServed(postings, needScores, closenessWeight);
        double[] optimum = optimumThroughTheAreaTree(postings, needScores, closenessWeight);
        long pairs = pairs(postings);
        double overPairs = pairs <= pairLimit ? optimumOverPairs(dataSource, staticRanking, postings) : Double.NaN;
        int needs = 0;
        double demand = 0;
        for (int i = 0; i < postings.size(); i++) {
            if (postings.isNeed.get(i)) {
                needs++;
                demand += postings.hundredths.get(i);
            }
        }
        return new Result(needs, postings.size() - needs, pairs, incremental[0] / 100, firstCome[0] / 100, optimum[0] / 100,
                overPairs / 100, demand / 100, incremental[1] / 100, firstCome[1] / 100, optimum[1] / 100,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static final String JOINS = """
             left join area_replica a on a.code = n.area_code collate "default"
            left join provider_record p on p.organization_id = o.organization_id""";

    /** Each need's score with an offer for its own area (closeness 1), from the matcher's own ranking. */
    private static Map<UUID, Double> needScores(DataSource dataSource, Ranking staticRanking) throws SQLException {
        Map<UUID, Double> scores = new HashMap<>();
        query(dataSource, "select n.id" + staticRanking.columns() + """
                 from need_replica n
                cross join lateral (select n.area_code as area_code, cast(null as uuid) as organization_id) o""" + JOINS, rows -> {
            scores.put(rows.getObject(1, UUID.class), rows.getDouble(rows.getMetaData().getColumnCount()));
        });
        return scores;
    }

    /** What the matcher's proposals hold, weighted by their pair's score. @return weighted and units, in hundredths */
    private static double[] incremental(DataSource dataSource, Ranking staticRanking) throws SQLException {
        double[] total = new double[2];
        query(dataSource, "select m.quantity" + staticRanking.columns() + """
                 from match m
                join need_replica n on n.id = m.need_id
                join offer_replica o on o.id = m.offer_id""" + JOINS
                + " where m.status in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'CONFIRMED')", rows -> {
            double units = rows.getBigDecimal(1).movePointRight(2).doubleValue();
            total[0] += units * rows.getDouble(rows.getMetaData().getColumnCount());
            total[1] += units;
        });
        return total;
    }

    /** 0 for a province (2 digits) to 4 for a community (12 digits). */
    private static int level(String code) {
        return switch (code.length()) {
            case 2 -> 0;
            case 4 -> 1;
            case 6 -> 2;
            case 9 -> 3;
            default -> 4;
        };
    }

    private static String parent(String code) {
        return code.substring(0, switch (code.length()) {
            case 4 -> 2;
            case 6 -> 4;
            case 9 -> 6;
            default -> 9;
        });
    }

    private static double weight(Map<UUID, Double> needScores, Postings postings, int need, int offer, double closenessWeight) {
        return needScores.get(postings.ids.get(need))
                - closenessWeight / 4 * (level(postings.area.get(need)) - level(postings.area.get(offer)));
    }

    /**
     * The walking skeleton's rule: as each posting arrives, it takes from the counterparts already
     * posted that fit, earliest first. Waiting postings are queued by item and by each area they fit
     * (a need under each of its ancestors, an offer at its own area). @return weighted and units, in hundredths
     */
    private static double[] firstComeFirstServed(Postings postings, Map<UUID, Double> needScores, double closenessWeight) {
        Map<String, ArrayDeque<Integer>> waitingNeeds = new HashMap<>(); // group|area (the need's or an ancestor's) → needs
        Map<String, ArrayDeque<Integer>> waitingOffers = new HashMap<>(); // group|area (the offer's) → offers
        long[] left = new long[postings.size()];
        double weighted = 0;
        double units = 0;
        for (int arriving = 0; arriving < postings.size(); arriving++) {
            left[arriving] = postings.hundredths.get(arriving);
            String group = postings.group.get(arriving);
            if (postings.isNeed.get(arriving)) {
                // The offers that fit: those at the need's area and each area above it, earliest first across them.
                List<ArrayDeque<Integer>> queues = new ArrayList<>();
                for (String area = postings.area.get(arriving); ; area = parent(area)) {
                    ArrayDeque<Integer> queue = waitingOffers.get(group + "|" + area);
                    if (queue != null) {
                        queues.add(queue);
                    }
                    if (area.length() == 2) {
                        break;
                    }
                }
                List<Integer> candidates = new ArrayList<>();
                queues.forEach(candidates::addAll);
                candidates.sort(null);
                for (int offer : candidates) {
                    if (left[arriving] == 0) {
                        break;
                    }
                    long taken = take(postings, left, arriving, offer);
                    weighted += taken * weight(needScores, postings, arriving, offer, closenessWeight);
                    units += taken;
                }
                if (left[arriving] > 0) {
                    for (String area = postings.area.get(arriving); ; area = parent(area)) {
                        waitingNeeds.computeIfAbsent(group + "|" + area, key -> new ArrayDeque<>()).add(arriving);
                        if (area.length() == 2) {
                            break;
                        }
                    }
                }
                queues.forEach(queue -> queue.removeIf(offer -> left[offer] == 0));
            } else {
                ArrayDeque<Integer> queue = waitingNeeds.getOrDefault(group + "|" + postings.area.get(arriving), new ArrayDeque<>());
                for (Iterator<Integer> needs = queue.iterator(); needs.hasNext() && left[arriving] > 0; ) {
                    int need = needs.next();
                    if (left[need] == 0) {
                        needs.remove(); // covered meanwhile through another of its areas
                        continue;
                    }
                    long taken = take(postings, left, need, arriving);
                    weighted += taken * weight(needScores, postings, need, arriving, closenessWeight);
                    units += taken;
                    if (left[need] == 0) {
                        needs.remove();
                    }
                }
                if (left[arriving] > 0) {
                    waitingOffers.computeIfAbsent(group + "|" + postings.area.get(arriving), key -> new ArrayDeque<>()).add(arriving);
                }
            }
        }
        return new double[] {weighted, units};
    }

    /** What the pair can exchange (nothing between postings of one organization), taken from both. */
    private static long take(Postings postings, long[] left, int need, int offer) {
        if (postings.organization.get(need).equals(postings.organization.get(offer))) {
            return 0;
        }
        long taken = Math.min(left[need], left[offer]);
        left[need] -= taken;
        left[offer] -= taken;
        return taken;
    }

    /** How many (need, offer) pairs fit, counted through the area tree. */
    private static long pairs(Postings postings) {
        Map<String, Long> needsUnder = new HashMap<>();
        for (int i = 0; i < postings.size(); i++) {
            if (postings.isNeed.get(i)) {
                for (String area = postings.area.get(i); ; area = parent(area)) {
                    needsUnder.merge(postings.group.get(i) + "|" + area, 1L, Long::sum);
                    if (area.length() == 2) {
                        break;
                    }
                }
            }
        }
        long pairs = 0;
        for (int i = 0; i < postings.size(); i++) {
            if (!postings.isNeed.get(i)) {
                pairs += needsUnder.getOrDefault(postings.group.get(i) + "|" + postings.area.get(i), 0L);
            }
        }
        return pairs;
    }

    /** The optimum as a flow through the area tree, one item (category, item key, unit) at a time. @return weighted and units, in hundredths */
    private static double[] optimumThroughTheAreaTree(Postings postings, Map<UUID, Double> needScores, double closenessWeight) {
        Map<String, List<Integer>> byGroup = new HashMap<>();
        for (int i = 0; i < postings.size(); i++) {
            byGroup.computeIfAbsent(postings.group.get(i), group -> new ArrayList<>()).add(i);
        }
        double weighted = 0;
        double units = 0;
        for (List<Integer> group : byGroup.values()) {
            Graph<Object, Arc> graph = new DirectedWeightedMultigraph<>(null, null);
            Object source = "source";
            Object sink = "sink";
            graph.addVertex(source);
            graph.addVertex(sink);
            long demand = 0;
            double heaviest = 0;
            for (int i : group) {
                if (postings.isNeed.get(i)) {
                    demand += postings.hundredths.get(i);
                    heaviest = Math.max(heaviest, needScores.get(postings.ids.get(i)));
                }
            }
            if (demand == 0) {
                continue;
            }
            List<Arc> needArcs = new ArrayList<>();
            for (int i : group) {
                String area = postings.area.get(i);
                addAreaPath(graph, area, OptimalAllocation.thousandths(closenessWeight / 4), (int) demand);
                int capacity = postings.hundredths.get(i).intValue();
                if (postings.isNeed.get(i)) {
                    double needScore = needScores.get(postings.ids.get(i));
                    Arc arc = new Arc(capacity, OptimalAllocation.thousandths(heaviest) - OptimalAllocation.thousandths(needScore), needScore);
                    add(graph, area, sink, arc);
                    needArcs.add(arc);
                } else {
                    add(graph, source, area, new Arc(capacity, 0, 0));
                }
            }
            add(graph, source, sink, new Arc((int) demand, OptimalAllocation.thousandths(heaviest), 0)); // what no offer covers
            int total = (int) demand;
            var problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph,
                    node -> node == source ? total : node == sink ? -total : 0, arc -> arc.capacity, arc -> 0, arc -> arc.cost);
            var flow = new CapacityScalingMinimumCostFlow<Object, Arc>().getMinimumCostFlow(problem);
            // Weight of a unit = the need's score less the closeness it lost on the way down.
            double groupWeight = 0;
            double groupUnits = 0;
            for (Arc arc : needArcs) {
                double through = flow.getFlow(arc);
                groupWeight += through * arc.needScore;
                groupUnits += through;
            }
            for (Arc arc : graph.edgeSet()) {
                if (arc.down) {
                    groupWeight -= flow.getFlow(arc) * closenessWeight / 4;
                }
            }
            weighted += groupWeight;
            units += groupUnits;
        }
        return new double[] {weighted, units};
    }

    /** The area and its ancestors as nodes, each linked to its parent by a downward arc costing a quarter of the closeness weight. */
    private static void addAreaPath(Graph<Object, Arc> graph, String area, long costPerLevel, int capacity) {
        if (!graph.addVertex(area)) {
            return; // linked up to the top when it was first added
        }
        for (String below = area; below.length() > 2; below = parent(below)) {
            String parent = parent(below);
            boolean linkedAlready = !graph.addVertex(parent);
            Arc down = new Arc(capacity, costPerLevel, 0);
            down.down = true;
            add(graph, parent, below, down);
            if (linkedAlready) {
                return;
            }
        }
    }

    private static void add(Graph<Object, Arc> graph, Object from, Object to, Arc arc) {
        graph.addEdge(from, to, arc);
        graph.setEdgeWeight(arc, arc.cost); // the algorithm reads costs from the weights (see OptimalAllocation)
    }

    /** An arc with its capacity and cost; compared by identity. */
    private static final class Arc {
        final int capacity;
        final double cost;
        final double needScore;
        boolean down;

        Arc(int capacity, double cost, double needScore) {
            this.capacity = capacity;
            this.cost = cost;
            this.needScore = needScore;
        }
    }

    /** The product's optimizer over every pair that fits: the check of the tree's optimum where the pairs are few enough. */
    private static double optimumOverPairs(DataSource dataSource, Ranking staticRanking, Postings postings) throws SQLException {
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < postings.size(); i++) {
            index.put(postings.ids.get(i), i);
        }
        Map<String, List<OptimalAllocation.Pair>> pairsByGroup = new HashMap<>();
        query(dataSource, "select n.id, o.id" + staticRanking.columns() + """
                 from need_replica n
                join offer_replica o on o.category = n.category and o.item_key = n.item_key and o.unit = n.unit
                    and n.area_code >= o.area_code and n.area_code < o.area_code || ':'
                    and o.organization_id <> n.organization_id""" + JOINS, rows -> {
            UUID need = rows.getObject(1, UUID.class);
            pairsByGroup.computeIfAbsent(postings.group.get(index.get(need)), group -> new ArrayList<>())
                    .add(new OptimalAllocation.Pair(need, rows.getObject(2, UUID.class), rows.getDouble(rows.getMetaData().getColumnCount())));
        });
        double weighted = 0;
        for (List<OptimalAllocation.Pair> pairs : pairsByGroup.values()) {
            Map<UUID, OptimalAllocation.Side> needs = new HashMap<>();
            Map<UUID, OptimalAllocation.Side> offers = new HashMap<>();
            for (OptimalAllocation.Pair pair : pairs) {
                needs.computeIfAbsent(pair.needId(), id -> new OptimalAllocation.Side(id, postings.hundredths.get(index.get(id))));
                offers.computeIfAbsent(pair.offerId(), id -> new OptimalAllocation.Side(id, postings.hundredths.get(index.get(id))));
            }
            weighted += OptimalAllocation.solve(List.copyOf(needs.values()), List.copyOf(offers.values()), pairs).weight();
        }
        return weighted;
    }

    private interface RowHandler {
        void row(ResultSet rows) throws SQLException;
    }

    private static void query(DataSource dataSource, String sql, RowHandler handler) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor: rows are streamed, not held by the driver
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        handler.row(rows);
                    }
                }
            }
            connection.commit();
        }
    }
}

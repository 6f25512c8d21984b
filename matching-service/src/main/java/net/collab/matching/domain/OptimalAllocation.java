package net.collab.matching.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * The allocation of offers to needs that maximizes the total weight (Σ weight × units), as a
 * min-cost flow (JGraphT's capacity scaling): source → each need (what it lacks) → each offer that
 * fits it → sink (what the offer has free), and a bypass from source to sink, so that nothing is
 * forced through a pair. With W the largest weight, a unit through a pair costs W − weight and one
 * through the bypass W (in whole thousandths): the flow of least cost is the allocation of greatest weight, and no cost is
 * negative (the algorithm pushes negative-cost arcs to capacity at the start, which overflows).
 * Units are whole numbers (quantities in hundredths).
 */
public final class OptimalAllocation {

    /** What a need still lacks, or an offer still has, in units. */
    public record Side(UUID id, long units) {
    }

    /** A need and an offer that fit each other, and what one unit from this offer to this need is worth. */
    public record Pair(UUID needId, UUID offerId, double weight) {
    }

    /** The units allocated to each pair that gets any, and the total weight. */
    public record Result(Map<Pair, Long> units, double weight) {
    }

    private OptimalAllocation() {
    }

    public static Result solve(List<Side> needs, List<Side> offers, List<Pair> pairs) {
        long total = needs.stream().mapToLong(Side::units).sum();
        if (total > Integer.MAX_VALUE / 4 || offers.stream().mapToLong(Side::units).sum() > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("too many units for one optimization: " + total);
        }
        // The algorithm reads arc costs from the graph's edge weights, whatever cost function the
        // problem names (JGraphT issue 1139): every arc's cost is set as its weight too.
        Graph<Object, Arc> graph = new DirectedWeightedMultigraph<>(null, null);
        Object source = "source";
        Object sink = "sink";
        graph.addVertex(source);
        graph.addVertex(sink);
        Map<UUID, Object> needNodes = new HashMap<>();
        Map<UUID, Object> offerNodes = new HashMap<>();
        for (Side need : needs) {
            Object node = "need:" + need.id();
            needNodes.put(need.id(), node);
            graph.addVertex(node);
            add(graph, source, node, new Arc((int) need.units(), 0, null));
        }
        for (Side offer : offers) {
            Object node = "offer:" + offer.id();
            offerNodes.put(offer.id(), node);
            graph.addVertex(node);
            add(graph, node, sink, new Arc((int) offer.units(), 0, null));
        }
        Map<UUID, Long> needUnits = new HashMap<>();
        needs.forEach(need -> needUnits.put(need.id(), need.units()));
        Map<UUID, Long> offerUnits = new HashMap<>();
        offers.forEach(offer -> offerUnits.put(offer.id(), offer.units()));
        double heaviest = pairs.stream().mapToDouble(Pair::weight).max().orElse(0);
        List<Arc> pairArcs = new ArrayList<>();
        for (Pair pair : pairs) {
            Object need = needNodes.get(pair.needId());
            Object offer = offerNodes.get(pair.offerId());
            if (need == null || offer == null || pair.weight() <= 0) {
                continue;
            }
            int capacity = (int) Math.min(needUnits.get(pair.needId()), offerUnits.get(pair.offerId()));
            Arc arc = new Arc(capacity, thousandths(heaviest) - thousandths(pair.weight()), pair);
            add(graph, need, offer, arc);
            pairArcs.add(arc);
        }
        add(graph, source, sink, new Arc((int) total, thousandths(heaviest), null));
        var problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph,
                node -> node == source ? (int) total : node == sink ? (int) -total : 0,
                arc -> arc.capacity, arc -> 0, arc -> arc.cost);
        var flow = new CapacityScalingMinimumCostFlow<Object, Arc>().getMinimumCostFlow(problem);
        Map<Pair, Long> units = new HashMap<>();
        double weight = 0;
        for (Arc arc : pairArcs) {
            long allocated = Math.round(flow.getFlow(arc));
            if (allocated > 0) {
                units.put(arc.pair, allocated);
                weight += allocated * arc.pair.weight();
            }
        }
        return new Result(units, weight);
    }

    /**
     * A weight as whole thousandths (scores are kept to a thousandth): with fractional costs the
     * algorithm's shortest paths accumulate rounding errors, and it declared a feasible problem
     * infeasible (found by the matching benchmark).
     */
    static long thousandths(double weight) {
        return Math.round(weight * 1000);
    }

    private static void add(Graph<Object, Arc> graph, Object from, Object to, Arc arc) {
        graph.addEdge(from, to, arc);
        graph.setEdgeWeight(arc, arc.cost);
    }

    /** An arc with its capacity and cost; compared by identity, as the graph needs distinct edges. */
    private static final class Arc {
        final int capacity;
        final double cost;
        final Pair pair;

        Arc(int capacity, double cost, Pair pair) {
            this.capacity = capacity;
            this.cost = cost;
            this.pair = pair;
        }
    }
}

package net.collab.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.collab.matching.domain.OptimalAllocation;
import net.collab.matching.domain.OptimalAllocation.Pair;
import net.collab.matching.domain.OptimalAllocation.Side;

class OptimalAllocationTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID X = UUID.randomUUID();
    private static final UUID Y = UUID.randomUUID();

    /** Greedy gives A its best offer X and leaves B, which only X fits, with nothing (5); the optimum is 4 + 3. */
    @Test
    void findsTheAllocationThatAGreedyChoiceMisses() {
        Pair ax = new Pair(A, X, 5);
        Pair ay = new Pair(A, Y, 4);
        Pair bx = new Pair(B, X, 3);
        var result = OptimalAllocation.solve(List.of(new Side(A, 100), new Side(B, 100)), List.of(new Side(X, 100), new Side(Y, 100)),
                List.of(ax, ay, bx));
        assertThat(result.weight()).isEqualTo(700.0);
        assertThat(result.units()).containsEntry(ay, 100L).containsEntry(bx, 100L).doesNotContainKey(ax);
    }

    /** Many pairs on one need and one offer, large quantities: solved, not looping or overflowing. */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void manyPairsPerNeedAndOfferAreSolved() {
        List<Side> needs = new java.util.ArrayList<>();
        List<Side> offers = new java.util.ArrayList<>();
        List<Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            needs.add(new Side(UUID.randomUUID(), 100_000));
            offers.add(new Side(UUID.randomUUID(), 50_000));
        }
        for (int n = 0; n < 20; n++) {
            for (int o = 0; o < 20; o++) {
                pairs.add(new Pair(needs.get(n).id(), offers.get(o).id(), 1 + (n * 7 + o * 3) % 10));
            }
        }
        var result = OptimalAllocation.solve(needs, offers, pairs);
        // Every offer unit is placed (all weights are positive), and no need gets more than it lacks.
        assertThat(result.units().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20 * 50_000L);
        for (Side need : needs) {
            assertThat(result.units().entrySet().stream().filter(e -> e.getKey().needId().equals(need.id()))
                    .mapToLong(java.util.Map.Entry::getValue).sum()).isLessThanOrEqualTo(need.units());
        }
        // Each offer's units go to the needs that value it most: weight 10 pairs exist for every offer.
        assertThat(result.weight()).isGreaterThanOrEqualTo(20 * 50_000L * 9.0);
    }

    /** Units split across pairs; nothing is forced through a pair beyond what both sides have. */
    @Test
    void splitsQuantitiesAndLeavesWhatNoPairCanTake() {
        Pair ax = new Pair(A, X, 2);
        Pair bx = new Pair(B, X, 1);
        var result = OptimalAllocation.solve(List.of(new Side(A, 30), new Side(B, 50)), List.of(new Side(X, 60), new Side(Y, 500)),
                List.of(ax, bx));
        assertThat(result.units()).containsEntry(ax, 30L).containsEntry(bx, 30L).hasSize(2);
        assertThat(result.weight()).isEqualTo(90.0);
    }
}

package net.collab.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, with their percentiles in milliseconds. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** The value at this percentile (0–100) in milliseconds; NaN when empty. */
    synchronized double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }

    /** "p50 / p90 / p99 / max" in milliseconds. */
    String summary() {
        return String.format("%.1f / %.1f / %.1f / %.1f", percentileMillis(50), percentileMillis(90), percentileMillis(99),
                maxMillis());
    }
}

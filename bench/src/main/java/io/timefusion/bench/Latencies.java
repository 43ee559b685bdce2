package io.timefusion.bench;

import java.util.Arrays;

/** Percentiles of many runs of one query, in milliseconds: at hundreds of runs the tail says more than a median alone. */
record Latencies(int count, double p50, double p90, double p95, double p99, double max)
{
    static Latencies of(long[] nanos)
    {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.95), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest rank: a value that was actually measured, never an interpolation between two runs. */
    private static double percentile(long[] sorted, double fraction)
    {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}

package io.timefusion.gateway.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Durations counted into fixed buckets, as a Prometheus histogram exposes them. */
public final class LatencyHistogram
{
    /** From a cache hit (well under a millisecond) to long scans. */
    private static final double[] STATEMENT_BOUNDS_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

    private final double[] upperBoundsSeconds;
    private final LongAdder[] counts;
    private final DoubleAdder sumSeconds = new DoubleAdder();

    public LatencyHistogram()
    {
        this(STATEMENT_BOUNDS_SECONDS);
    }

    /** @param upperBoundsSeconds the finite bucket bounds, ascending */
    public LatencyHistogram(double[] upperBoundsSeconds)
    {
        this.upperBoundsSeconds = upperBoundsSeconds.clone();
        this.counts = new LongAdder[upperBoundsSeconds.length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void record(long nanos)
    {
        double seconds = nanos / 1e9;
        int bucket = 0;
        while (bucket < upperBoundsSeconds.length && seconds > upperBoundsSeconds[bucket]) {
            bucket++;
        }
        counts[bucket].increment();
        sumSeconds.add(seconds);
    }

    public Snapshot snapshot()
    {
        long[] cumulative = new long[counts.length];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i].sum();
            cumulative[i] = total;
        }
        return new Snapshot(upperBoundsSeconds.clone(), cumulative, sumSeconds.sum());
    }

    /**
     * @param upperBoundsSeconds the finite bucket bounds; the last cumulative count is the +Inf bucket, which is the count
     * @param cumulativeCounts observations at or below each bound, one more entry than the bounds
     */
    public record Snapshot(double[] upperBoundsSeconds, long[] cumulativeCounts, double sumSeconds)
    {
        public long count()
        {
            return cumulativeCounts[cumulativeCounts.length - 1];
        }
    }
}

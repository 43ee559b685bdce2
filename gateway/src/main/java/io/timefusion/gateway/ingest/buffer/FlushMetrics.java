package io.timefusion.gateway.ingest.buffer;

import io.timefusion.gateway.metrics.LatencyHistogram;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** What the flushes did: their count, rows, duplicates dropped, latency and failures, and the last failure, for /health and /metrics. */
public final class FlushMetrics
{
    /** The last failed attempt: when, and Trino's or the storage's message. */
    public record Failure(Instant at, String message) {}

    private final LongAdder flushes = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final LongAdder failures = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private volatile boolean failing;

    void started()
    {
        inProgress.incrementAndGet();
    }

    void ended()
    {
        inProgress.decrementAndGet();
    }

    void succeeded(long rowCount, long duplicateCount, long nanos)
    {
        flushes.increment();
        rows.add(rowCount);
        duplicates.add(duplicateCount);
        latency.record(nanos);
        failing = false;
    }

    void failed(String message)
    {
        failures.increment();
        lastFailure.set(new Failure(Instant.now(), message));
        failing = true;
    }

    public long flushes()
    {
        return flushes.sum();
    }

    public long rows()
    {
        return rows.sum();
    }

    /** Rows a flush did not write because a later row of the same flush had the same project, timestamp and id. */
    public long duplicates()
    {
        return duplicates.sum();
    }

    /** Whether a flush is being written (or retried) right now: table maintenance waits for it before it starts a step. */
    public boolean inProgress()
    {
        return inProgress.get() > 0;
    }

    public long failures()
    {
        return failures.sum();
    }

    /** Whether the latest attempt failed: the flush is being retried. */
    public boolean failing()
    {
        return failing;
    }

    public Optional<Failure> lastFailure()
    {
        return Optional.ofNullable(lastFailure.get());
    }

    public LatencyHistogram.Snapshot latency()
    {
        return latency.snapshot();
    }
}

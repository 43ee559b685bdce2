package io.timefusion.gateway.metrics;

import io.timefusion.gateway.sql.StatementKind;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** What the Postgres sessions did: statements by kind and outcome, their latency and the gateway's share of it, rows inserted, row changes retried, Trino's errors. */
public class QueryMetrics
{
    public enum Outcome
    {
        OK, ERROR
    }

    private final Map<StatementKind, LongAdder> succeeded = counters();
    private final Map<StatementKind, LongAdder> failed = counters();
    private final LatencyHistogram latency = new LatencyHistogram();
    // what the gateway adds to a Trino statement is tens of microseconds to a few milliseconds
    private final LatencyHistogram gatewayShare = new LatencyHistogram(new double[] {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1});
    private final LongAdder rowsInserted = new LongAdder();
    private final LongAdder rowChangeRetries = new LongAdder();
    private final ConcurrentMap<String, LongAdder> trinoErrorsByClass = new ConcurrentHashMap<>();

    private static Map<StatementKind, LongAdder> counters()
    {
        Map<StatementKind, LongAdder> counters = new EnumMap<>(StatementKind.class);
        for (StatementKind kind : StatementKind.values()) {
            counters.put(kind, new LongAdder());
        }
        return counters;
    }

    public void recordStatement(StatementKind kind, Outcome outcome, long nanos)
    {
        (outcome == Outcome.OK ? succeeded : failed).get(kind).increment();
        latency.record(nanos);
    }

    /**
     * The time a statement that went to Trino spent in the gateway itself: its duration less the time its session
     * waited on Trino (translating, binding, encoding and writing rows, the cache, the session's thread switches).
     */
    public void recordGatewayShare(long nanos)
    {
        gatewayShare.record(nanos);
    }

    public LatencyHistogram.Snapshot gatewayShare()
    {
        return gatewayShare.snapshot();
    }

    public void recordRowsInserted(long rows)
    {
        rowsInserted.add(rows);
    }

    /** An UPDATE or DELETE lost a race with another change of the same files and runs again. */
    public void recordRowChangeRetry()
    {
        rowChangeRetries.increment();
    }

    public long rowChangeRetries()
    {
        return rowChangeRetries.sum();
    }

    /** A statement failed on Trino; counted by the class of its SQLSTATE (the first two characters). */
    public void recordTrinoError(String sqlState)
    {
        trinoErrorsByClass.computeIfAbsent(sqlState.substring(0, 2), _ -> new LongAdder()).increment();
    }

    public long statements(StatementKind kind, Outcome outcome)
    {
        return (outcome == Outcome.OK ? succeeded : failed).get(kind).sum();
    }

    public LatencyHistogram.Snapshot latency()
    {
        return latency.snapshot();
    }

    public long rowsInserted()
    {
        return rowsInserted.sum();
    }

    /** Error counts by SQLSTATE class, in class order. */
    public Map<String, Long> trinoErrorsByClass()
    {
        Map<String, Long> errors = new TreeMap<>();
        trinoErrorsByClass.forEach((sqlStateClass, count) -> errors.put(sqlStateClass, count.sum()));
        return errors;
    }
}

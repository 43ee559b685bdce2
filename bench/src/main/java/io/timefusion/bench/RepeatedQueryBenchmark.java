package io.timefusion.bench;

import io.timefusion.gateway.cache.QueryCacheStats;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Starts a gateway with or without its query result cache and runs the dashboard query through it: once on the
 * fresh gateway, then warm-ups (JIT, pgjdbc switching to a server-side prepared statement at its 5th execution),
 * then the measured runs. Each configuration gets its own gateway so the cache starts empty.
 */
final class RepeatedQueryBenchmark
{
    private final URI trino;

    RepeatedQueryBenchmark(URI trino)
    {
        this.trino = trino;
    }

    RepeatedQueryResult run(String label, boolean queryCache, int warmups, int runs)
            throws SQLException
    {
        try (BenchGateway gateway = BenchGateway.start(trino, queryCache);
                Connection connection = gateway.connect();
                DashboardQuery query = new DashboardQuery(connection)) {
            double firstRunMillis = query.timedRun() / 1e6;
            for (int i = 0; i < warmups; i++) {
                query.timedRun();
            }
            QueryCacheStats statsBefore = gateway.cacheStats();
            CpuSample cpuBefore = CpuSample.take();
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                nanos[i] = query.timedRun();
            }
            double othersCpuShare = CpuSample.take().othersShareSince(cpuBefore);
            long cacheHits = gateway.cacheStats().hits() - statsBefore.hits();
            RepeatedQueryResult result = new RepeatedQueryResult(label, firstRunMillis, warmups, Latencies.of(nanos), cacheHits, othersCpuShare);
            // one println: the gateway's and Trino's logging have taken over System.err and turn each write into a log line
            System.err.println("[bench] %s: first run %.1f ms, p50 %.2f ms, %d of %d runs from the cache".formatted(label, firstRunMillis, result.measured().p50(), cacheHits, runs));
            return result;
        }
    }
}

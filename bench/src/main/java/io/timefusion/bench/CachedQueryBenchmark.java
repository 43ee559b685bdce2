package io.timefusion.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * Latency of a dashboard query repeated through the gateway's PostgreSQL wire protocol: answered from the gateway's
 * query result cache, and, for comparison, with the cache switched off so that every run goes to Trino. Trino, the
 * timefusion connector (local disk) and the gateway run in this JVM; the clients are pgjdbc (a prepared statement) and
 * psycopg2 (the same query as literal SQL text, a child process). Prints a Markdown report
 * on stdout; progress and the servers' logs go to stderr.
 */
public final class CachedQueryBenchmark
{
    private static final int CACHED_WARMUPS = 200;
    private static final int CACHED_RUNS = 1_000;
    // every uncached run is a Trino query of ~100 ms
    private static final int UNCACHED_WARMUPS = 30;
    private static final int UNCACHED_RUNS = 100;
    // the gateway's share is a difference of two ~60 ms latencies: more rounds for its median
    private static final int PAIRED_RUNS = 300;

    private CachedQueryBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        if (args.length != 0) {
            throw new IllegalArgumentException("usage: CachedQueryBenchmark (no options)");
        }
        // Trino's logging takes System.out over when the runner starts; the report goes to the real stdout
        PrintStream stdout = System.out;
        MachineInfo machine = MachineInfo.detect();
        try (BenchStorage storage = BenchStorage.local();
                BenchCluster cluster = BenchCluster.start(storage)) {
            try (TrinoClient client = cluster.connect()) {
                DashboardRows.insert(client);
            }
            RepeatedQueryBenchmark benchmark = new RepeatedQueryBenchmark(cluster.coordinatorUrl());
            List<RepeatedQueryResult> results = List.of(
                    benchmark.run("query cache on (default)", true, CACHED_WARMUPS, CACHED_RUNS),
                    benchmark.runPsycopg2Literal("query cache on, psycopg2 literal SQL (simple protocol)", true, CACHED_WARMUPS, CACHED_RUNS),
                    benchmark.run("query-cache.enabled=false", false, UNCACHED_WARMUPS, UNCACHED_RUNS));
            RepeatedQueryBenchmark.GatewayShare share = benchmark.runGatewayShare(UNCACHED_WARMUPS, PAIRED_RUNS);
            stdout.println(CachedQueryReport.render(machine, MachineInfo.currentLoadAverage(), results, share));
        }
    }
}

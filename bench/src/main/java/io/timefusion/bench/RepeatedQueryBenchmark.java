package io.timefusion.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.timefusion.gateway.cache.QueryCacheStats;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

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

    /**
     * The same query as literal SQL text (the project inlined) sent by psycopg2 over the simple protocol, as Grafana and
     * Python dashboards send it: every run is parsed by the gateway unless it remembers the translation.
     */
    RepeatedQueryResult runPsycopg2Literal(String label, int warmups, int runs)
            throws Exception
    {
        Path script = Files.createTempFile("psycopg2_repeat-", ".py");
        try (InputStream source = RepeatedQueryBenchmark.class.getResourceAsStream("psycopg2_repeat.py");
                BenchGateway gateway = BenchGateway.start(trino, true)) {
            Files.write(script, source.readAllBytes());
            String sql = DashboardQuery.SQL.replace("?", "'" + DashboardQuery.PROJECT + "'");
            QueryCacheStats statsBefore = gateway.cacheStats();
            CpuSample cpuBefore = CpuSample.take();
            Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), gateway.dsn(), sql, Integer.toString(warmups), Integer.toString(runs))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("psycopg2_repeat.py failed (is python3-psycopg2 installed?): " + output);
            }
            double othersCpuShare = CpuSample.take().othersShareSince(cpuBefore);
            JsonNode result = new ObjectMapper().readTree(output);
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                nanos[i] = (long) (result.get("latencies_ms").get(i).asDouble() * 1e6);
            }
            // the first run fills the cache, the warm-ups and measured runs hit it
            long cacheHits = Math.max(0, gateway.cacheStats().hits() - statsBefore.hits() - warmups);
            RepeatedQueryResult repeated = new RepeatedQueryResult(label, result.get("first_ms").asDouble(), warmups, Latencies.of(nanos), cacheHits, othersCpuShare);
            System.err.println("[bench] %s: first run %.1f ms, p50 %.2f ms, %d of %d runs from the cache".formatted(label, repeated.firstRunMillis(), repeated.measured().p50(), cacheHits, runs));
            return repeated;
        }
        finally {
            Files.deleteIfExists(script);
        }
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

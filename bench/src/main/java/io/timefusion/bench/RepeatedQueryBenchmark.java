package io.timefusion.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.timefusion.gateway.cache.QueryCacheStats;
import io.timefusion.gateway.metrics.LatencyHistogram;
import io.timefusion.gateway.metrics.QueryMetrics;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
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
    RepeatedQueryResult runPsycopg2Literal(String label, boolean queryCache, int warmups, int runs)
            throws Exception
    {
        Path script = Files.createTempFile("psycopg2_repeat-", ".py");
        try (InputStream source = RepeatedQueryBenchmark.class.getResourceAsStream("psycopg2_repeat.py");
                BenchGateway gateway = BenchGateway.start(trino, queryCache)) {
            Files.write(script, source.readAllBytes());
            String sql = literalSql();
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

    /** The dashboard query with the project written in, as psycopg2 sends it. */
    static String literalSql()
    {
        return DashboardQuery.SQL.replace("?", "'" + DashboardQuery.PROJECT + "'");
    }

    /**
     * What an uncached statement spends in the gateway: the literal query through the gateway (cache off, pgjdbc in
     * simple query mode, so the text is sent as psycopg2 and Grafana send it) and the Trino statement the gateway sends
     * for it straight on Trino with Trino's own JDBC driver, one after the other in each round (in turns first) so that
     * both see the same warm-up and the same load. Also times the gateway's translation of the repeated text.
     */
    GatewayShare runGatewayShare(int warmups, int runs)
            throws SQLException
    {
        try (BenchGateway gateway = BenchGateway.start(trino, false)) {
            String trinoSql = gateway.trinoSql(literalSql());
            int translations = 100_000;
            long translationStart = System.nanoTime();
            for (int i = 0; i < translations; i++) {
                gateway.translate(literalSql());
            }
            double translationMicros = (System.nanoTime() - translationStart) / 1e3 / translations;
            Properties simpleMode = gateway.properties();
            simpleMode.setProperty("preferQueryMode", "simple");
            String trinoUrl = "jdbc:trino://%s:%d/%s/public".formatted(trino.getHost(), trino.getPort(), BenchCluster.CATALOG);
            try (Connection throughGateway = DriverManager.getConnection(gateway.jdbcUrl(), simpleMode);
                    Connection straight = DriverManager.getConnection(trinoUrl, BenchGateway.USER, null);
                    Connection alsoStraight = DriverManager.getConnection(trinoUrl, BenchGateway.USER, null)) {
                List<TimedClient> clients = List.of(
                        () -> timedRun(throughGateway, literalSql()),
                        () -> timedRun(straight, trinoSql),
                        () -> timedRun(alsoStraight, trinoSql));
                double[] firstMillis = new double[clients.size()];
                for (int client = 0; client < clients.size(); client++) {
                    firstMillis[client] = clients.get(client).timedRun() / 1e6;
                }
                for (int i = 0; i < warmups; i++) {
                    for (TimedClient client : clients) {
                        client.timedRun();
                    }
                }
                CpuSample cpuBefore = CpuSample.take();
                QueryMetrics metrics = gateway.instance(QueryMetrics.class);
                LatencyHistogram.Snapshot ownBefore = metrics.gatewayShare();
                long[][] nanos = new long[clients.size()][runs];
                for (int i = 0; i < runs; i++) {
                    // which goes first changes every round: a later one in a round may find Trino warmer
                    for (int turn = 0; turn < clients.size(); turn++) {
                        int client = (i + turn) % clients.size();
                        nanos[client][i] = clients.get(client).timedRun();
                    }
                }
                double othersCpuShare = CpuSample.take().othersShareSince(cpuBefore);
                MeasuredShare measuredShare = MeasuredShare.between(ownBefore, metrics.gatewayShare());
                GatewayShare share = new GatewayShare(
                        new RepeatedQueryResult("query-cache.enabled=false, literal SQL (pgjdbc simple query mode), in rounds with the next row and a second straight client", firstMillis[0], warmups,
                                Latencies.of(nanos[0]), 0, othersCpuShare),
                        new RepeatedQueryResult("Trino JDBC straight on Trino, the gateway's Trino SQL (no gateway)", firstMillis[1], warmups, Latencies.of(nanos[1]), 0, othersCpuShare),
                        medianDifferenceMillis(nanos[0], nanos[1]),
                        medianDifferenceMillis(nanos[2], nanos[1]),
                        measuredShare,
                        translationMicros);
                System.err.println("[bench] gateway share: p50 %.2f ms through the gateway, %.2f ms straight on Trino, p50 of the differences %.2f ms (of two straight clients %.2f ms); translation %.2f µs".formatted(
                        share.throughGateway().measured().p50(), share.straightOnTrino().measured().p50(), share.differenceP50Millis(), share.controlDifferenceP50Millis(), translationMicros)
                        + "; measured in the gateway: mean %.0f µs, median at most %.0f µs".formatted(measuredShare.meanMicros(), measuredShare.medianAtMostMicros()));
                return share;
            }
        }
    }

    private interface TimedClient
    {
        long timedRun()
                throws SQLException;
    }

    private static double medianDifferenceMillis(long[] nanos, long[] baselineNanos)
    {
        long[] differences = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            differences[i] = nanos[i] - baselineNanos[i];
        }
        return Latencies.of(differences).p50();
    }

    /**
     * An uncached statement through the gateway and straight on Trino, measured in rotating rounds with a second
     * straight client, whose difference to the first is what two identical clients differ by (the noise floor).
     */
    record GatewayShare(RepeatedQueryResult throughGateway, RepeatedQueryResult straightOnTrino, double differenceP50Millis, double controlDifferenceP50Millis,
            MeasuredShare measured, double translationMicros) {}

    /**
     * The gateway's own time per statement as it measures it (timefusion_query_gateway_seconds: each statement's
     * duration less its session's wait on Trino), over the measured rounds: the mean, and the median as the upper bound
     * of the histogram bucket that holds it.
     */
    record MeasuredShare(long statements, double meanMicros, double medianAtMostMicros)
    {
        static MeasuredShare between(LatencyHistogram.Snapshot before, LatencyHistogram.Snapshot after)
        {
            long statements = after.count() - before.count();
            double meanMicros = (after.sumSeconds() - before.sumSeconds()) * 1e6 / statements;
            double[] bounds = after.upperBoundsSeconds();
            double medianAtMost = Double.POSITIVE_INFINITY;
            for (int i = 0; i < bounds.length; i++) {
                if ((after.cumulativeCounts()[i] - before.cumulativeCounts()[i]) * 2 >= statements) {
                    medianAtMost = bounds[i] * 1e6;
                    break;
                }
            }
            return new MeasuredShare(statements, meanMicros, medianAtMost);
        }
    }

    private static long timedRun(Connection connection, String sql)
            throws SQLException
    {
        long start = System.nanoTime();
        int rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                rows++;
            }
        }
        long nanos = System.nanoTime() - start;
        if (rows != DashboardRows.LEVELS.size()) {
            throw new IllegalStateException("expected %d rows, got %d".formatted(DashboardRows.LEVELS.size(), rows));
        }
        return nanos;
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

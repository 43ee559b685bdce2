package io.timefusion.bench;

import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.testing.PostgresServer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * Issue 14's row changes through pgwire, side by side with PostgreSQL 15 (durable, the (project_id, timestamp) index) on
 * the same 1 M rows: the main client's enrichment UPDATE (100 ids per statement, 4 connections) of loaded rows, the same
 * UPDATE of 100 rows each connection has just inserted (the client's real flow: write, then enrich seconds later),
 * and the DELETE of one project-day, by its time range and by its date. TimeFusion runs with buffered ingest at its
 * defaults. Prints a Markdown report on stdout; progress goes to stderr.
 */
public final class RowChangeBenchmark
{
    private static final int LOAD_ROWS = 1_000_000;
    private static final int ROWS_PER_COPY = 10_000;
    private static final int CONNECTIONS = 4;
    private static final int IDS_PER_UPDATE = 100;
    private static final int UPDATES_PER_CONNECTION = 10;
    private static final String ENRICHMENT = """
            UPDATE otel_logs_and_spans SET hashes = array_append(hashes, u.hash)
            FROM (SELECT unnest(?::text[]) AS id, unnest(?::text[]) AS hash) u
            WHERE otel_logs_and_spans.id = u.id AND project_id = ? AND timestamp BETWEEN ?::timestamptz AND ?::timestamptz""";

    private RowChangeBenchmark() {}

    /** One enrichment statement: the ids and hashes it sets, its project and the time range of its rows. */
    private record Enrichment(String[] ids, String[] hashes, String project, String from, String to) {}

    /** What one shape measured on one target. */
    private record Result(String shape, String target, int statements, long rowsChanged, double seconds, Latencies latency, String load, long retries)
    {
        Result withRetries(long count)
        {
            return new Result(shape, target, statements, rowsChanged, seconds, latency, load, count);
        }

        double statementsPerSecond()
        {
            return statements / seconds;
        }
    }

    interface Target
    {
        Connection connect()
                throws SQLException;
    }

    public static void main(String[] args)
            throws Exception
    {
        if (args.length != 0) {
            throw new IllegalArgumentException("usage: RowChangeBenchmark (no options)");
        }
        PrintStream stdout = System.out;
        MachineInfo machine = MachineInfo.detect();
        List<Result> results = new ArrayList<>();
        List<Enrichment> enrichments;

        try (PostgresServer postgres = PostgresServer.startDurable()) {
            OtelTable.createIn(postgres);
            progress("PostgreSQL: loading %,d rows".formatted(LOAD_ROWS));
            CsvCopies.copy("PostgreSQL 15", postgres::connect, 1, LOAD_ROWS, ROWS_PER_COPY, new OtelRows("rc")::next);
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE otel_logs_and_spans");
            }
            enrichments = enrichments(postgres::connect);
            results.addAll(shapes("PostgreSQL 15", postgres::connect, enrichments, () -> 0));
        }

        Path wal = Files.createTempDirectory("timefusion-bench-wal-");
        try (BenchStorage storage = BenchStorage.local();
                BenchCluster cluster = BenchCluster.start(storage);
                BenchGateway gateway = BenchGateway.start(cluster.coordinatorUrl(), Map.of(
                        "ingest.batch-queue.enabled", "true",
                        "ingest.queue-db-path", wal.toString(),
                        "query-cache.enabled", "false"))) {
            progress("TimeFusion: loading %,d rows".formatted(LOAD_ROWS));
            CsvCopies.copy("TimeFusion", gateway::connect, 1, LOAD_ROWS, ROWS_PER_COPY, new OtelRows("rc")::next);
            gateway.awaitBufferFlushed();
            QueryMetrics metrics = gateway.instance(QueryMetrics.class);
            results.addAll(shapes("TimeFusion", gateway::connect, enrichments, metrics::rowChangeRetries));
        }
        stdout.println(render(machine, results));
    }

    /** Statements of 100 rows that lie next to each other in time, in a random project, read from the loaded table. */
    private static List<Enrichment> enrichments(Target target)
            throws SQLException
    {
        Random random = new Random(14);
        List<Enrichment> enrichments = new ArrayList<>();
        try (Connection connection = target.connect();
                PreparedStatement window = connection.prepareStatement("""
                        SELECT id, to_char(timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US+00') FROM otel_logs_and_spans
                        WHERE project_id = ? AND timestamp >= ?::timestamptz ORDER BY timestamp LIMIT ?""")) {
            for (int i = 0; i < CONNECTIONS * UPDATES_PER_CONNECTION; i++) {
                String project = Workload.PROJECTS.get(random.nextInt(Workload.PROJECTS.size()));
                window.setString(1, project);
                window.setString(2, Workload.START.plusSeconds(random.nextInt(Workload.DAYS * 86_400 - 3_600)).toString());
                window.setInt(3, IDS_PER_UPDATE);
                List<String> ids = new ArrayList<>();
                List<String> timestamps = new ArrayList<>();
                try (ResultSet rows = window.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                        timestamps.add(rows.getString(2));
                    }
                }
                String[] hashes = ids.stream().map(id -> "enriched-" + id).toArray(String[]::new);
                enrichments.add(new Enrichment(ids.toArray(String[]::new), hashes, project, timestamps.getFirst(), timestamps.getLast()));
            }
        }
        return enrichments;
    }

    private static List<Result> shapes(String name, Target target, List<Enrichment> enrichments, LongSupplier retries)
            throws Exception
    {
        List<Result> results = new ArrayList<>();
        progress(name + ": enrichment of loaded rows");
        results.add(measured(retries, () -> concurrently("enrichment UPDATE of 100 loaded rows", name, target, enrichments)));
        progress(name + ": insert, then enrich");
        results.add(measured(retries, () -> insertThenEnrich(name, target, 1, 0)));
        results.add(measured(retries, () -> insertThenEnrich(name, target, CONNECTIONS, 1)));
        progress(name + ": DELETE of one project-day");
        results.add(measured(retries, () -> once("DELETE of a project-day by time range", name, target,
                "DELETE FROM otel_logs_and_spans WHERE project_id = 'p2' AND timestamp >= '2025-06-01 00:00:00+00' AND timestamp < '2025-06-02 00:00:00+00'")));
        results.add(measured(retries, () -> once("DELETE of a project-day by date", name, target,
                "DELETE FROM otel_logs_and_spans WHERE project_id = 'p3' AND date = '2025-06-02'::date")));
        return results;
    }

    interface Shape
    {
        Result run()
                throws Exception;
    }

    /** Runs a shape, counts the gateway's retries of row changes that lost a race meanwhile, and reports it on stderr at once. */
    private static Result measured(LongSupplier retries, Shape shape)
            throws Exception
    {
        long before = retries.getAsLong();
        Result result = shape.run();
        return reported(result.withRetries(retries.getAsLong() - before));
    }

    private static Result concurrently(String shape, String name, Target target, List<Enrichment> enrichments)
            throws Exception
    {
        return clients(shape + ", %d connections".formatted(CONNECTIONS), name, target, CONNECTIONS, (connection, client, timed) -> {
            try (PreparedStatement update = connection.prepareStatement(ENRICHMENT)) {
                for (Enrichment enrichment : enrichments.subList(client * UPDATES_PER_CONNECTION, (client + 1) * UPDATES_PER_CONNECTION)) {
                    timed.run(() -> enrich(connection, update, enrichment));
                }
            }
        });
    }

    /** The timed statements of the clients of one shape. */
    private static final class Timed
    {
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> changed = Collections.synchronizedList(new ArrayList<>());

        void run(TimedStatement statement)
                throws SQLException
        {
            long began = System.nanoTime();
            long rows = statement.run();
            latencies.add(System.nanoTime() - began);
            changed.add(rows);
        }
    }

    interface TimedStatement
    {
        /** Runs the statement and returns its count. */
        long run()
                throws SQLException;
    }

    interface Client
    {
        void run(Connection connection, int client, Timed timed)
                throws Exception;
    }

    /** {@code connections} clients at once, each on its own connection, timing what it runs through {@link Timed}. */
    private static Result clients(String shape, String name, Target target, int connections, Client client)
            throws Exception
    {
        Timed timed = new Timed();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(connections)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int number = c;
                running.add(clients.submit(() -> {
                    try (Connection connection = target.connect()) {
                        client.run(connection, number, timed);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(shape, name, timed.latencies.size(), timed.changed.stream().mapToLong(Long::longValue).sum(), seconds,
                Latencies.of(timed.latencies.stream().mapToLong(Long::longValue).toArray()), MachineInfo.currentLoadAverage(), 0);
    }

    private static int enrich(Connection connection, PreparedStatement update, Enrichment enrichment)
            throws SQLException
    {
        Array ids = connection.createArrayOf("text", enrichment.ids());
        Array hashes = connection.createArrayOf("text", enrichment.hashes());
        update.setArray(1, ids);
        update.setArray(2, hashes);
        update.setString(3, enrichment.project());
        update.setString(4, enrichment.from());
        update.setString(5, enrichment.to());
        return update.executeUpdate();
    }

    /**
     * Each connection inserts 100 new spans of the third day and at once enriches them; the UPDATE is timed. Runs with
     * {@code connections} clients; {@code round} keeps the ids and times of separate runs apart.
     */
    private static Result insertThenEnrich(String name, Target target, int connections, int round)
            throws Exception
    {
        List<Enrichment> enrichments = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        for (int i = 0; i < connections * UPDATES_PER_CONNECTION; i++) {
            List<String> ids = new ArrayList<>();
            StringBuilder values = new StringBuilder();
            String from = null;
            String to = null;
            for (int row = 0; row < IDS_PER_UPDATE; row++) {
                String id = "fresh-%d-%d-%d".formatted(round, i, row);
                String timestamp = "2025-06-03 %02d:%02d:%02d.%06d+00".formatted(round, i % 60, row % 60, row);
                from = from == null || timestamp.compareTo(from) < 0 ? timestamp : from;
                to = to == null || timestamp.compareTo(to) > 0 ? timestamp : to;
                ids.add(id);
                values.append(row == 0 ? "" : ", ").append("('%s', 'p1', '%s', '2025-06-03', 'GET /fresh', '{h0}')".formatted(id, timestamp));
            }
            // the benchmark's PostgreSQL table stores date as a column of its own
            inserts.add("INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date, name, hashes) VALUES " + values);
            enrichments.add(new Enrichment(ids.toArray(String[]::new), ids.stream().map(id -> "enriched-" + id).toArray(String[]::new), "p1", from, to));
        }
        String shape = "INSERT of 100 rows, then their enrichment UPDATE (UPDATE timed), %d connection%s".formatted(connections, connections == 1 ? "" : "s");
        return clients(shape, name, target, connections, (connection, client, timed) -> {
            try (Statement insert = connection.createStatement(); PreparedStatement update = connection.prepareStatement(ENRICHMENT)) {
                for (int i = client * UPDATES_PER_CONNECTION; i < (client + 1) * UPDATES_PER_CONNECTION; i++) {
                    insert.executeUpdate(inserts.get(i));
                    Enrichment enrichment = enrichments.get(i);
                    timed.run(() -> enrich(connection, update, enrichment));
                }
            }
        });
    }

    private static Result once(String shape, String name, Target target, String sql)
            throws SQLException
    {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            long began = System.nanoTime();
            long deleted = statement.executeUpdate(sql);
            long nanos = System.nanoTime() - began;
            return new Result(shape, name, 1, deleted, nanos / 1e9, Latencies.of(new long[] {nanos}), MachineInfo.currentLoadAverage(), 0);
        }
    }

    private static String render(MachineInfo machine, List<Result> results)
    {
        StringBuilder report = new StringBuilder("## Row changes through pgwire (`-Prow-changes`)\n\n");
        machine.markdownItems().forEach(item -> report.append(item).append('\n'));
        report.append("- load average at end: ").append(MachineInfo.currentLoadAverage()).append("\n\n");
        report.append("| shape | target | statements | rows changed | statements/s | p50 ms | p99 ms | max ms | retries after a conflict | load after |\n");
        report.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result result : results) {
            report.append("| %s | %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %d | %s |\n".formatted(result.shape(), result.target(), result.statements(), result.rowsChanged(),
                    result.statementsPerSecond(), result.latency().p50(), result.latency().p99(), result.latency().max(), result.retries(), result.load()));
        }
        return report.toString();
    }

    /** Each result on stderr as soon as it is measured, so that a later failure loses none. */
    private static Result reported(Result result)
    {
        progress("%s / %s: %d statements, %,d rows, %.2f statements/s, p50 %.1f ms, p99 %.1f ms, %d retries, load %s".formatted(result.target(), result.shape(), result.statements(),
                result.rowsChanged(), result.statementsPerSecond(), result.latency().p50(), result.latency().p99(), result.retries(), result.load()));
        return result;
    }

    private static void progress(String message)
    {
        System.err.println("[row-changes] " + message);
    }
}

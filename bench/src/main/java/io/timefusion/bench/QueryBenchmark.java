package io.timefusion.bench;

import io.timefusion.testing.PostgresServer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Issue 16's dashboard and lookup queries (Q1–Q8, {@link DashboardQueries}) over the same rows in PostgreSQL 15,
 * with the indexes a PostgreSQL user adds, and in TimeFusion, written through the product's ingest path (COPY into
 * the gateway's write buffer, flushed to Delta), read through the gateway with its query cache off, as a dashboard
 * sends them (literal SQL over the simple protocol). Also Trino's floor ({@link TrinoFloors}): {@code SELECT 1} straight
 * on Trino and through the gateway, a query of the table that reads nothing ({@link DashboardQueries#lookupReadingNothing})
 * and a lookup in one of Trino's own system tables.
 * Prints a Markdown report on stdout; progress and the servers' logs go to stderr.
 */
public final class QueryBenchmark
{
    private static final long DEFAULT_ROWS = 10_000_000;
    // a JVM's compilers settle after some dozens of runs of a statement; PostgreSQL gets the same rounds
    static final int WARMUP_ROUNDS = 30;
    static final int ROUNDS = 25;
    private static final int COPY_CONNECTIONS = 4;
    private static final int ROWS_PER_COPY = 10_000;
    // what a PostgreSQL user adds for these queries besides (project_id, timestamp): the two lookups' columns
    static final List<String> POSTGRES_LOOKUP_INDEXES = List.of(
            "CREATE INDEX otel_logs_and_spans_trace_id ON otel_logs_and_spans (context___trace_id)",
            "CREATE INDEX otel_logs_and_spans_id ON otel_logs_and_spans (id)");

    private QueryBenchmark() {}

    /** One system's figures: how long its load took, what it holds afterwards, and each query's latencies. */
    record SystemRun(String name, double loadSeconds, String storage, String loadAverage, List<QueryLatencies> queries) {}

    /** What Trino read for one TimeFusion query, from its final statistics. */
    record ReadStatistics(long rowsRead, long processedBytes) {}

    public static void main(String[] args)
            throws Exception
    {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: QueryBenchmark [rows, default %d]".formatted(DEFAULT_ROWS));
        }
        long rows = args.length == 1 ? Long.parseLong(args[0]) : DEFAULT_ROWS;
        // Trino's logging takes System.out over when the runner starts; the report goes to the real stdout
        PrintStream stdout = System.out;
        MachineInfo machine = MachineInfo.detect();
        // the rows, and so the trace and span to look up, are the same for both systems
        DashboardWorkload.Lookup lookup;
        List<DashboardQueries.Query> queries;

        SystemRun postgresRun;
        try (PostgresServer postgres = PostgresServer.start()) {
            OtelTable.createIn(postgres);
            DashboardWorkload workload = new DashboardWorkload(rows);
            progress("PostgreSQL: loading %,d rows".formatted(rows));
            long start = System.nanoTime();
            CsvCopies.copy("PostgreSQL 15", postgres::connect, COPY_CONNECTIONS, rows, ROWS_PER_COPY, workload::next);
            String size;
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                for (String index : POSTGRES_LOOKUP_INDEXES) {
                    statement.execute(index);
                }
                statement.execute("VACUUM ANALYZE otel_logs_and_spans");
                size = postgresSize(statement);
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            lookup = workload.lookup();
            queries = DashboardQueries.all(lookup);
            progress("PostgreSQL: queries");
            try (Connection connection = postgres.connect()) {
                String loadBefore = MachineInfo.currentLoadAverage();
                List<QueryLatencies.Timed> statements = queries.stream().map(query -> new QueryLatencies.Timed(connection, query.postgresSql())).toList();
                List<QueryLatencies> measured = measure(queries, statements);
                postgresRun = new SystemRun("PostgreSQL 15", loadSeconds, size, loadBefore + " before, " + MachineInfo.currentLoadAverage() + " after", measured);
            }
        }

        SystemRun timefusionRun;
        TrinoFloors floors;
        List<ReadStatistics> reads = new ArrayList<>();
        Path wal = Files.createTempDirectory("timefusion-bench-wal-");
        try (BenchStorage storage = BenchStorage.local();
                BenchCluster cluster = BenchCluster.start(storage);
                BenchGateway gateway = BenchGateway.start(cluster.coordinatorUrl(), Map.of(
                        "ingest.batch-queue.enabled", "true",
                        "ingest.queue-db-path", wal.toString(),
                        "query-cache.enabled", "false"))) {
            DashboardWorkload workload = new DashboardWorkload(rows);
            progress("TimeFusion: loading %,d rows".formatted(rows));
            long start = System.nanoTime();
            CsvCopies.copy("TimeFusion", gateway::connect, COPY_CONNECTIONS, rows, ROWS_PER_COPY, workload::next);
            gateway.awaitBufferFlushed();
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            TableFiles files = TableFiles.of(storage.tableDirectory(BenchCluster.CATALOG));
            String size = "%,d data files, %,.0f MB in %,d partitions".formatted(files.dataFiles(), files.dataBytes() / 1e6, files.partitions());

            Properties simpleMode = gateway.properties();
            // literal SQL over the simple protocol, as Grafana and psycopg2 send it
            simpleMode.setProperty("preferQueryMode", "simple");
            try (Connection throughGateway = DriverManager.getConnection(gateway.jdbcUrl(), simpleMode);
                    Connection straight = DriverManager.getConnection("jdbc:trino://%s:%d/%s/public".formatted(
                            cluster.coordinatorUrl().getHost(), cluster.coordinatorUrl().getPort(), BenchCluster.CATALOG), BenchGateway.USER, null);
                    TrinoClient statistics = cluster.connect()) {
                progress("TimeFusion: queries, with Trino's floor in the same rounds");
                String loadBefore = MachineInfo.currentLoadAverage();
                List<QueryLatencies.Timed> statements = new ArrayList<>(List.of(
                        new QueryLatencies.Timed(straight, "SELECT 1"),
                        new QueryLatencies.Timed(throughGateway, "SELECT 1"),
                        new QueryLatencies.Timed(throughGateway, DashboardQueries.lookupReadingNothing(lookup)),
                        new QueryLatencies.Timed(straight, TrinoFloors.SYSTEM_TABLE_LOOKUP)));
                queries.forEach(query -> statements.add(new QueryLatencies.Timed(throughGateway, query.timefusionSql())));
                List<QueryLatencies> measured = measure(queries, statements);
                floors = new TrinoFloors(measured.get(0).latencies(), measured.get(1).latencies(), measured.get(2).latencies(), measured.get(3).latencies());
                timefusionRun = new SystemRun("TimeFusion", loadSeconds, size, loadBefore + " before, " + MachineInfo.currentLoadAverage() + " after", measured.subList(4, measured.size()));
                for (DashboardQueries.Query query : queries) {
                    QueryOutcome outcome = statistics.execute(gateway.trinoSql(query.timefusionSql()));
                    reads.add(new ReadStatistics(cluster.rowsRead(outcome.queryId()), outcome.processedBytes()));
                }
            }
        }
        stdout.println(QueryReport.render(machine, rows, lookup, queries, postgresRun, timefusionRun, reads, floors));
    }

    /** The statements' latencies in rounds; the last {@code queries.size()} of them are the queries, in order. */
    private static List<QueryLatencies> measure(List<DashboardQueries.Query> queries, List<QueryLatencies.Timed> statements)
            throws SQLException
    {
        List<QueryLatencies> measured = QueryLatencies.inRounds(statements, WARMUP_ROUNDS, ROUNDS);
        int first = statements.size() - queries.size();
        for (int i = 0; i < queries.size(); i++) {
            QueryLatencies latencies = measured.get(first + i);
            progress("%s: p50 %.1f ms, %d rows".formatted(queries.get(i).name(), latencies.latencies().p50(), latencies.answer().size()));
        }
        return measured;
    }

    private static String postgresSize(Statement statement)
            throws SQLException
    {
        try (ResultSet size = statement.executeQuery("SELECT pg_table_size('otel_logs_and_spans'), pg_indexes_size('otel_logs_and_spans')")) {
            size.next();
            return "table %,.0f MB, indexes %,.0f MB".formatted(size.getLong(1) / 1e6, size.getLong(2) / 1e6);
        }
    }

    private static void progress(String message)
    {
        System.err.println("[query benchmark] " + message);
    }
}

package io.timefusion.bench;

import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import io.timefusion.gateway.metrics.LatencyHistogram;
import io.timefusion.testing.PostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 12's ingest shapes through the PostgreSQL wire protocol, side by side in one run: TimeFusion with its default
 * ingest, the write buffer (Trino with the timefusion connector on local disk and the gateway in this JVM, buffered
 * ingest with QUEUE_DB_PATH in a temporary directory and every other setting at its default), and PostgreSQL 15 (a
 * child process, durable: fsync on, the same table with an index on (project_id, timestamp)). Clients: pgjdbc in this
 * JVM, and psycopg2 in a child process for the literal-SQL shape. Prints a Markdown report on stdout; progress and the
 * servers' logs go to stderr.
 */
public final class IngestBenchmark
{
    private static final int MULTI_ROW_CONNECTIONS = 16;
    private static final int MULTI_ROW_STATEMENTS = 100;
    private static final int WARM_UP_STATEMENTS = 10;
    private static final int ROWS_PER_STATEMENT = 100;
    private static final int SINGLE_ROW_CONNECTIONS = 64;
    private static final int SINGLE_ROW_STATEMENTS = 300;
    private static final int COPY_CONNECTIONS = 4;
    private static final int COPIES_PER_CONNECTION = 25;
    private static final int ROWS_PER_COPY = 10_000;
    private static final int LITERAL_CONNECTIONS = 16;
    private static final int LITERAL_STATEMENTS = 300;

    private IngestBenchmark() {}

    /** What one target did: its results, the query latencies during the 100-row INSERTs, and the load after each. */
    private record Run(List<IngestScenarios.Result> results, IngestReport.Reader reader, List<String> loadAverages) {}

    public static void main(String[] args)
            throws Exception
    {
        if (args.length != 0) {
            throw new IllegalArgumentException("usage: IngestBenchmark (no options)");
        }
        // Trino's logging takes System.out over when the runner starts; the report goes to the real stdout
        PrintStream stdout = System.out;
        MachineInfo machine = MachineInfo.detect();
        List<IngestScenarios.Result> results = new ArrayList<>();
        List<IngestReport.Reader> readers = new ArrayList<>();
        List<String> loadAverages = new ArrayList<>();

        try (PostgresServer postgres = PostgresServer.startDurable()) {
            OtelTable.createIn(postgres);
            Run run = runAll(new IngestTarget("PostgreSQL 15", postgres.jdbcUrl(), postgres.properties()), "pg", () -> {});
            results.addAll(run.results());
            readers.add(run.reader());
            loadAverages.addAll(run.loadAverages());
        }

        IngestReport.Files files;
        Path wal = Files.createTempDirectory("timefusion-bench-wal-");
        try (BenchStorage storage = BenchStorage.local();
                BenchCluster cluster = BenchCluster.start(storage);
                BenchGateway gateway = BenchGateway.start(cluster.coordinatorUrl(), Map.of(
                        "ingest.batch-queue.enabled", "true",
                        "ingest.queue-db-path", wal.toString(),
                        // the reader's query must reach Trino each time
                        "query-cache.enabled", "false"))) {
            IngestTarget target = new IngestTarget("TimeFusion, write buffer", gateway.jdbcUrl(), gateway.properties());
            Path table = storage.tableDirectory(BenchCluster.CATALOG);
            WriteBuffer buffer = gateway.instance(WriteBuffer.class);
            // the warm-up's rows reach Delta before the clock starts, so that Trino's write path is compiled and the
            // buffer is empty, as in a server that has been running for a while
            Run run = runAll(target, "tf", gateway::awaitBufferFlushed);
            results.addAll(run.results());
            readers.add(run.reader());
            loadAverages.addAll(run.loadAverages());

            progress("TimeFusion: what a million COPY rows leave in Delta");
            gateway.awaitBufferFlushed();
            long commitsBefore = commits(table);
            TableFiles filesBefore = TableFiles.of(table);
            LatencyHistogram.Snapshot flushesBefore = buffer.status().flushes().latency();
            results.add(reported(copyMillion(target, new OtelRows("tf-files"))));
            gateway.awaitBufferFlushed();
            LatencyHistogram.Snapshot flushesAfter = buffer.status().flushes().latency();
            long flushes = flushesAfter.count() - flushesBefore.count();
            files = new IngestReport.Files(COPY_CONNECTIONS * COPIES_PER_CONNECTION * ROWS_PER_COPY, flushes, commits(table) - commitsBefore,
                    TableFiles.of(table).dataFiles() - filesBefore.dataFiles(), flushes == 0 ? 0 : (flushesAfter.sumSeconds() - flushesBefore.sumSeconds()) / flushes);
        }
        stdout.println(IngestReport.render(machine, results, readers, files, loadAverages));
    }

    private interface Settle
    {
        void run()
                throws InterruptedException;
    }

    private static Run runAll(IngestTarget target, String idPrefix, Settle afterWarmUp)
            throws Exception
    {
        List<IngestScenarios.Result> results = new ArrayList<>();
        List<String> loadAverages = new ArrayList<>();
        OtelRows rows = new OtelRows(idPrefix);
        progress("%s: warm-up".formatted(target.name()));
        IngestScenarios.multiRowInserts("warm-up", target, rows, MULTI_ROW_CONNECTIONS, WARM_UP_STATEMENTS, ROWS_PER_STATEMENT);
        afterWarmUp.run();
        loadAverages.add(target.name() + " before: " + MachineInfo.currentLoadAverage());

        progress("%s: 100-row INSERTs, a query repeated meanwhile".formatted(target.name()));
        IngestReport.Reader reader;
        try (QueryDuringIngest query = QueryDuringIngest.start(target)) {
            results.add(reported(IngestScenarios.multiRowInserts(multiRowLabel(), target, rows, MULTI_ROW_CONNECTIONS, MULTI_ROW_STATEMENTS, ROWS_PER_STATEMENT)));
            query.close();
            reader = new IngestReport.Reader(target.name(), query.latencies());
        }
        loadAverages.add(target.name() + " after 100-row INSERTs: " + MachineInfo.currentLoadAverage());
        progress("%s: single-row INSERTs".formatted(target.name()));
        results.add(reported(IngestScenarios.multiRowInserts("single-row INSERT × 88 binds, %d connections".formatted(SINGLE_ROW_CONNECTIONS), target, rows,
                SINGLE_ROW_CONNECTIONS, SINGLE_ROW_STATEMENTS, 1)));
        loadAverages.add(target.name() + " after single-row INSERTs: " + MachineInfo.currentLoadAverage());
        progress("%s: psycopg2 literal INSERTs".formatted(target.name()));
        results.add(reported(Psycopg2Inserts.run("psycopg2 literal %d-row INSERT × 21 columns, %d connections".formatted(ROWS_PER_STATEMENT, LITERAL_CONNECTIONS),
                target, LITERAL_CONNECTIONS, LITERAL_STATEMENTS, ROWS_PER_STATEMENT, idPrefix + "-literal")));
        loadAverages.add(target.name() + " after psycopg2 INSERTs: " + MachineInfo.currentLoadAverage());
        progress("%s: COPY".formatted(target.name()));
        results.add(reported(copyMillion(target, rows)));
        loadAverages.add(target.name() + " after COPY: " + MachineInfo.currentLoadAverage());
        return new Run(results, reader, loadAverages);
    }

    private static IngestScenarios.Result copyMillion(IngestTarget target, OtelRows rows)
            throws Exception
    {
        return IngestScenarios.copies("COPY FROM STDIN csv, 1 M rows as %d × %,d-row COPYs over %d connections".formatted(COPY_CONNECTIONS * COPIES_PER_CONNECTION, ROWS_PER_COPY, COPY_CONNECTIONS),
                target, rows, COPY_CONNECTIONS, COPIES_PER_CONNECTION, ROWS_PER_COPY);
    }

    /** Commits in the table's Delta log: one {@code <version>.json} each. */
    private static long commits(Path table)
            throws IOException
    {
        try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
            return log.filter(file -> file.getFileName().toString().matches("\\d{20}\\.json")).count();
        }
    }

    private static String multiRowLabel()
    {
        return "%d-row INSERT × 88 binds per row, %d connections".formatted(ROWS_PER_STATEMENT, MULTI_ROW_CONNECTIONS);
    }

    /** Each result also goes to stderr at once, so a later failure does not lose it. */
    private static IngestScenarios.Result reported(IngestScenarios.Result result)
    {
        progress(result.toString());
        return result;
    }

    private static void progress(String message)
    {
        System.err.println("[ingest benchmark] " + message);
    }
}

package io.timefusion.bench;

import io.timefusion.testing.PostgresServer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 7's ingest shapes through the PostgreSQL wire protocol, side by side: the gateway with the batch queue on
 * (Trino, the timefusion connector on local disk and the gateway in this JVM) and PostgreSQL 15 (a child process,
 * the same table with an index on (project_id, timestamp)). The client is pgjdbc in this JVM for both. Prints a
 * Markdown report on stdout; progress and the servers' logs go to stderr.
 */
public final class IngestBenchmark
{
    private static final int MULTI_ROW_CONNECTIONS = 16;
    private static final int MULTI_ROW_STATEMENTS = 20;
    private static final int ROWS_PER_STATEMENT = 100;
    private static final int SINGLE_ROW_CONNECTIONS = 64;
    private static final int SINGLE_ROW_STATEMENTS = 30;
    // 1 M rows as COPYs of 10,000: a COPY is one batch, so it must fit BATCH_QUEUE_MAX_ROWS whole, and the batch
    // travels to Trino as one statement (~20 MB of base64 at 88 columns), which Trino holds several times over
    private static final int COPY_CONNECTIONS = 4;
    private static final int COPIES_PER_CONNECTION = 25;
    private static final int ROWS_PER_COPY = 10_000;

    static final Map<String, String> QUEUE_SETTINGS = Map.of(
            "ingest.batch-queue.enabled", "true",
            "ingest.batch-interval-ms", "100",
            "ingest.max-batch-size", "10000",
            "ingest.batch-queue.max-rows", "200000",
            "ingest.batch-queue.max-size", "2GB");

    private IngestBenchmark() {}

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
        List<String> loadAverages = new ArrayList<>();

        try (PostgresServer postgres = PostgresServer.startDurable()) {
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                for (String ddl : OtelTable.postgresDdl()) {
                    statement.execute(ddl);
                }
            }
            results.addAll(runAll(new IngestTarget("PostgreSQL 15", postgres.jdbcUrl(), postgres.properties()), "pg", loadAverages));
        }

        try (BenchStorage storage = BenchStorage.local();
                BenchCluster cluster = BenchCluster.start(storage)) {
            try (BenchGateway gateway = BenchGateway.start(cluster.coordinatorUrl(), QUEUE_SETTINGS)) {
                results.addAll(runAll(new IngestTarget("gateway, queue on", gateway.jdbcUrl(), gateway.properties()), "tf", loadAverages));
            }
            Path queueDirectory = Files.createTempDirectory("timefusion-bench-queue-db-");
            Map<String, String> localAck = new java.util.HashMap<>(QUEUE_SETTINGS);
            localAck.put("ingest.batch-ack", "local");
            localAck.put("ingest.queue-db-path", queueDirectory.toString());
            try (BenchGateway gateway = BenchGateway.start(cluster.coordinatorUrl(), localAck)) {
                IngestTarget target = new IngestTarget("gateway, queue on, BATCH_ACK=local", gateway.jdbcUrl(), gateway.properties());
                progress("%s: 100-row INSERTs".formatted(target.name()));
                results.add(reported(IngestScenarios.multiRowInserts(multiRowLabel(), target, new OtelRows("tf-local"), MULTI_ROW_CONNECTIONS, MULTI_ROW_STATEMENTS, ROWS_PER_STATEMENT)));
                loadAverages.add(target.name() + " after 100-row INSERTs: " + MachineInfo.currentLoadAverage());
            }
        }
        stdout.println(IngestReport.render(machine, results, loadAverages));
    }

    private static List<IngestScenarios.Result> runAll(IngestTarget target, String idPrefix, List<String> loadAverages)
            throws Exception
    {
        List<IngestScenarios.Result> results = new ArrayList<>();
        OtelRows rows = new OtelRows(idPrefix);
        progress("%s: warm-up".formatted(target.name()));
        IngestScenarios.multiRowInserts("warm-up", target, rows, MULTI_ROW_CONNECTIONS, 2, ROWS_PER_STATEMENT);
        loadAverages.add(target.name() + " before: " + MachineInfo.currentLoadAverage());

        progress("%s: 100-row INSERTs".formatted(target.name()));
        results.add(reported(IngestScenarios.multiRowInserts(multiRowLabel(), target, rows, MULTI_ROW_CONNECTIONS, MULTI_ROW_STATEMENTS, ROWS_PER_STATEMENT)));
        progress("%s: single-row INSERTs".formatted(target.name()));
        results.add(reported(IngestScenarios.multiRowInserts("single-row INSERT × 88 binds, %d connections".formatted(SINGLE_ROW_CONNECTIONS), target, rows,
                SINGLE_ROW_CONNECTIONS, SINGLE_ROW_STATEMENTS, 1)));
        progress("%s: COPY".formatted(target.name()));
        results.add(reported(IngestScenarios.copies("COPY FROM STDIN csv, 1 M rows as %d × %,d-row COPYs over %d connections".formatted(COPY_CONNECTIONS * COPIES_PER_CONNECTION, ROWS_PER_COPY, COPY_CONNECTIONS),
                target, rows, COPY_CONNECTIONS, COPIES_PER_CONNECTION, ROWS_PER_COPY)));
        loadAverages.add(target.name() + " after: " + MachineInfo.currentLoadAverage());
        return results;
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

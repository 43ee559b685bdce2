package io.timefusion.bench;

import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaCommitter;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.type.JsonType;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Issue 13's maintenance scenario (bench/README.md): sustained ingest through two gateways into two catalogs, one
 * maintained, one not, with files per partition sampled over time; a one-hour dashboard query and a point lookup on
 * both, and on the unmaintained one again after it is optimized; OPTIMIZE of one partition of N rows (time, peak
 * memory); and what a checkpoint costs the commit that writes it. Prints a Markdown report on stdout.
 */
public final class MaintenanceBenchmark
{
    private static final int PROJECTS = 3;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(15);
    private static final int QUERY_RUNS = 5;

    private MaintenanceBenchmark() {}

    record Options(double minutes, int rowsPerSecond, long optimizeRows, int checkpointFiles)
    {
        static Options parse(String[] args)
        {
            Options options = new Options(10, 3000, 1_000_000, 20_000);
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: MaintenanceBenchmark [--minutes M] [--rows-per-second R] [--optimize-rows N] [--checkpoint-files F]");
                }
                String value = args[i + 1];
                options = switch (args[i]) {
                    case "--minutes" -> new Options(Double.parseDouble(value), options.rowsPerSecond(), options.optimizeRows(), options.checkpointFiles());
                    case "--rows-per-second" -> new Options(options.minutes(), Integer.parseInt(value), options.optimizeRows(), options.checkpointFiles());
                    case "--optimize-rows" -> new Options(options.minutes(), options.rowsPerSecond(), Long.parseLong(value), options.checkpointFiles());
                    case "--checkpoint-files" -> new Options(options.minutes(), options.rowsPerSecond(), options.optimizeRows(), Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --minutes, --rows-per-second, --optimize-rows, --checkpoint-files");
                };
            }
            return options;
        }

        Duration ingest()
        {
            return Duration.ofMillis((long) (minutes * 60_000));
        }
    }

    public static void main(String[] args)
            throws Exception
    {
        Options options = Options.parse(args);
        PrintStream stdout = System.out;
        MachineInfo machine = MachineInfo.detect();
        MaintenanceReport report = new MaintenanceReport(machine, options);

        try (BenchStorage storage = BenchStorage.local();
                BenchCluster cluster = BenchCluster.start(storage);
                TrinoClient trino = cluster.connectAsAdmin()) {
            cluster.addCatalog("maintained");
            cluster.addCatalog("unmaintained");
            try (BenchGateway maintained = BenchGateway.start(cluster.coordinatorUrl(), gatewaySettings("maintained", true));
                    BenchGateway unmaintained = BenchGateway.start(cluster.coordinatorUrl(), gatewaySettings("unmaintained", false))) {
                sustainedIngest(options, maintained, unmaintained, trino, report);
            }
            for (String catalog : List.of("maintained", "unmaintained")) {
                report.queries(catalog, "as ingest left it", queries(trino, catalog));
            }
            report.optimizeAll(optimizeAllPartitions(trino, "unmaintained"));
            report.queries("unmaintained", "after OPTIMIZE of every partition", queries(trino, "unmaintained"));

            cluster.addCatalog("one_partition");
            report.onePartition(optimizeOnePartition(trino, "one_partition", options.optimizeRows()));
        }
        report.checkpoints(checkpointCost(options.checkpointFiles()));
        report.loadAtEnd(MachineInfo.currentLoadAverage());
        stdout.println(report.render());
    }

    private static Map<String, String> gatewaySettings(String catalog, boolean maintenance)
            throws Exception
    {
        return Map.of(
                "trino.catalog", catalog,
                "ingest.batch-queue.enabled", "true",
                "ingest.queue-db-path", Files.createTempDirectory("timefusion-bench-wal-").toString(),
                "ingest.batch-interval-ms", "1000",
                "maintenance.enabled", Boolean.toString(maintenance),
                "maintenance.interval", "30s");
    }

    private static void sustainedIngest(Options options, BenchGateway maintained, BenchGateway unmaintained, TrinoClient trino, MaintenanceReport report)
            throws Exception
    {
        progress("sustained ingest: %,d rows/s into each of two gateways for %s".formatted(options.rowsPerSecond(), options.ingest()));
        try (Connection toMaintained = maintained.connect(); Connection toUnmaintained = unmaintained.connect();
                ExecutorService writers = Executors.newFixedThreadPool(2)) {
            SustainedIngest maintainedIngest = new SustainedIngest(toMaintained, options.rowsPerSecond(), options.ingest(), PROJECTS);
            SustainedIngest unmaintainedIngest = new SustainedIngest(toUnmaintained, options.rowsPerSecond(), options.ingest(), PROJECTS);
            List<Future<?>> running = List.of(writers.submit(maintainedIngest), writers.submit(unmaintainedIngest));
            long start = System.nanoTime();
            while (running.stream().anyMatch(future -> !future.isDone())) {
                Thread.sleep(Math.min(SAMPLE_EVERY.toMillis(), Math.max(1000, options.ingest().toMillis() / 4)));
                double seconds = (System.nanoTime() - start) / 1e9;
                report.sample(seconds, filesPerPartition(trino, "maintained"), filesPerPartition(trino, "unmaintained"));
                progress("%.0f s: %s".formatted(seconds, report.lastSample()));
            }
            for (Future<?> future : running) {
                future.get();
            }
            // the buffers' last flushes
            Thread.sleep(3000);
            report.sample((System.nanoTime() - start) / 1e9, filesPerPartition(trino, "maintained"), filesPerPartition(trino, "unmaintained"));
            report.rowsWritten(maintainedIngest.rowsWritten() + unmaintainedIngest.rowsWritten());
        }
    }

    /** The most and the average data files of a partition of the catalog's projects. */
    private static MaintenanceReport.Files filesPerPartition(TrinoClient trino, String catalog)
            throws SQLException
    {
        long[] figures = trino.queryLongs("SELECT coalesce(max(files), 0), coalesce(sum(files), 0), count(*) FROM %s.system.partitions WHERE project_id LIKE 'bench-%%'".formatted(catalog));
        return new MaintenanceReport.Files(figures[0], figures[2] == 0 ? 0 : (double) figures[1] / figures[2]);
    }

    /** The dashboard's hour and one row by its key, {@value #QUERY_RUNS} runs each after one warm-up. */
    private static MaintenanceReport.Queries queries(TrinoClient trino, String catalog)
            throws SQLException
    {
        String hour = """
                SELECT date_trunc('minute', timestamp), level, count(*), avg(duration)
                FROM %s.public.otel_logs_and_spans
                WHERE project_id = '%s' AND timestamp >= TIMESTAMP '2026-06-01 12:00:00 UTC' AND timestamp < TIMESTAMP '2026-06-01 13:00:00 UTC'
                GROUP BY 1, 2""".formatted(catalog, SustainedIngest.project(0));
        String lookup = "SELECT * FROM %s.public.otel_logs_and_spans WHERE project_id = '%s' AND id = 'row-%d' AND timestamp = TIMESTAMP '2026-06-01 00:00:00 UTC'"
                .formatted(catalog, SustainedIngest.project(0), 0);
        long files = trino.queryLong("SELECT coalesce(sum(files), 0) FROM %s.system.partitions WHERE project_id = '%s'".formatted(catalog, SustainedIngest.project(0)));
        return new MaintenanceReport.Queries(files, runs(trino, hour), runs(trino, lookup));
    }

    private static List<QueryOutcome> runs(TrinoClient trino, String sql)
            throws SQLException
    {
        trino.execute(sql);
        List<QueryOutcome> runs = new ArrayList<>();
        for (int run = 0; run < QUERY_RUNS; run++) {
            runs.add(trino.execute(sql));
        }
        return runs;
    }

    private static List<QueryOutcome> optimizeAllPartitions(TrinoClient trino, String catalog)
            throws SQLException
    {
        progress("OPTIMIZE of every partition of " + catalog);
        List<QueryOutcome> outcomes = new ArrayList<>();
        for (int project = 0; project < PROJECTS; project++) {
            outcomes.add(trino.execute("ALTER TABLE %s.public.otel_logs_and_spans EXECUTE optimize WHERE project_id = '%s'".formatted(catalog, SustainedIngest.project(project))));
        }
        return outcomes;
    }

    /** N rows in one partition as 200 appends, then one OPTIMIZE of it: its wall time and peak memory. */
    private static MaintenanceReport.OnePartition optimizeOnePartition(TrinoClient trino, String catalog, long rows)
            throws SQLException
    {
        int appends = 200;
        long rowsPerAppend = Math.max(1, rows / appends);
        progress("one partition: %,d rows as %d appends".formatted(rowsPerAppend * appends, appends));
        for (int append = 0; append < appends; append++) {
            trino.execute("""
                    INSERT INTO %1$s.public.otel_logs_and_spans (timestamp, id, project_id, name, level, duration, body, attributes, resource___service___name, date)
                    SELECT CAST(from_unixtime_nanos(1780272000000000000 + ((n * %2$d + %3$d) %% 86400000000) * 1000) AS timestamp(6) with time zone),
                           'row-%3$d-' || CAST(n AS varchar), 'one-partition', 'GET /items/' || CAST(n %% 50 AS varchar), IF(n %% 20 = 0, 'ERROR', 'INFO'),
                           n * 7919 %% 1000000, json_parse('{"status":' || CAST(200 + n %% 5 AS varchar) || '}'),
                           json_parse('{"http.route":"/items/' || CAST(n %% 50 AS varchar) || '"}'), 'service-' || CAST(n %% 4 AS varchar), DATE '2026-06-01'
                    FROM UNNEST(sequence(1, %4$d)) AS t(n)""".formatted(catalog, appends, append, rowsPerAppend));
        }
        long filesBefore = trino.queryLong("SELECT sum(files) FROM %s.system.partitions".formatted(catalog));
        progress("one partition: OPTIMIZE");
        QueryOutcome optimize = trino.execute("ALTER TABLE %s.public.otel_logs_and_spans EXECUTE optimize".formatted(catalog));
        long filesAfter = trino.queryLong("SELECT sum(files) FROM %s.system.partitions".formatted(catalog));
        return new MaintenanceReport.OnePartition(rowsPerAppend * appends, filesBefore, filesAfter, optimize);
    }

    /**
     * Commits of one file each to a table of {@code liveFiles} files, timed one by one: every 10th writes a checkpoint
     * of all live files, which is the question of issue 13's item 5 (does a checkpoint cost a writer noticeably?).
     */
    private static MaintenanceReport.Checkpoints checkpointCost(int liveFiles)
            throws Exception
    {
        progress("checkpoint cost with %,d live files".formatted(liveFiles));
        Path directory = Files.createTempDirectory("timefusion-bench-checkpoints-");
        FileSystems fileSystems = new FileSystems(OpenTelemetry.noop());
        try {
            TimeFusionConfig config = new TimeFusionConfig().setDataDirectory(directory.toString());
            DeltaCommitter committer = new DeltaCommitter(fileSystems, new DeltaSnapshots(fileSystems, config), new OtelLogsAndSpansTable(JsonType.JSON), config);
            TableStorage table = new DefaultTableStorage(config).get();
            int perCommit = 1000;
            for (int commit = 0; commit * perCommit < liveFiles; commit++) {
                List<AddFile> files = new ArrayList<>();
                for (int i = 0; i < Math.min(perCommit, liveFiles - commit * perCommit); i++) {
                    files.add(file(commit * perCommit + i));
                }
                committer.commitAppend(table, files, "bench-setup", Optional.empty());
            }
            List<Long> checkpointing = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                long version = committer.commitAppend(table, List.of(file(liveFiles + i)), "bench", Optional.empty());
                long nanos = System.nanoTime() - start;
                (version % config.getCheckpointInterval() == 0 ? checkpointing : plain).add(nanos);
            }
            return new MaintenanceReport.Checkpoints(liveFiles, Latencies.of(checkpointing.stream().mapToLong(Long::longValue).toArray()),
                    Latencies.of(plain.stream().mapToLong(Long::longValue).toArray()));
        }
        finally {
            fileSystems.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static AddFile file(int number)
    {
        return new AddFile("project_id=p/date=2026-06-01/part-%08d.zstd.parquet".formatted(number), Map.of("project_id", "p", "date", "2026-06-01"),
                1_000_000, 0, true, "{\"numRecords\":1000,\"minValues\":{\"timestamp\":\"2026-06-01T00:00:00.000Z\"},\"maxValues\":{\"timestamp\":\"2026-06-01T01:00:00.000Z\"}}", Map.of());
    }

    private static void progress(String message)
    {
        System.err.println("[maintenance benchmark] " + message);
    }
}

package io.timefusion.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the timefusion connector in an in-process Trino through Trino JDBC: insert throughput of the SQL forms a
 * gateway could send, the connector's own write path on rows generated in the engine, and scans of the result.
 * Prints a Markdown report on stdout; progress and Trino's log go to stderr.
 * <p>
 * Options: {@code --s3} stores the tables through the S3 API of an s3proxy child process instead of a local directory.
 */
public final class TimeFusionBenchmark
{
    private TimeFusionBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        boolean s3 = parseS3Option(args);
        // Trino's logging takes System.out over when the runner starts; the report goes to the real stdout
        PrintStream stdout = System.out;
        MachineInfo machine = MachineInfo.detect();
        try (BenchStorage storage = s3 ? BenchStorage.s3() : BenchStorage.local();
                BenchCluster cluster = BenchCluster.start(storage);
                TrinoClient client = cluster.connect()) {
            List<ScenarioResult> inserts = new ArrayList<>(new ClientInsertBenchmark(client).run());
            GeneratedInsertBenchmark generated = new GeneratedInsertBenchmark(cluster, client);
            inserts.addAll(generated.run());
            List<ScenarioResult> scans = new ScanBenchmark(client, generated.lastCatalog()).run();
            TableFiles scannedTable = TableFiles.of(cluster.tableDirectory(generated.lastCatalog()));
            stdout.println(MarkdownReport.render(machine, storage.description(), MachineInfo.currentLoadAverage(), inserts, scans, scannedTable));
        }
    }

    private static boolean parseS3Option(String[] args)
    {
        if (args.length == 0) {
            return false;
        }
        if (args.length == 1 && args[0].equals("--s3")) {
            return true;
        }
        throw new IllegalArgumentException("usage: TimeFusionBenchmark [--s3]");
    }
}

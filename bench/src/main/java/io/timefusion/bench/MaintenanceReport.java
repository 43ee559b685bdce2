package io.timefusion.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The Markdown report of {@link MaintenanceBenchmark}: each part as it was measured, in the order it ran. */
final class MaintenanceReport
{
    /** Data files per partition at one moment: the most any partition has, and the mean. */
    record Files(long max, double mean) {}

    /** What a one-hour dashboard query and a point lookup cost on one table state. */
    record Queries(long filesOfTheProject, List<QueryOutcome> hour, List<QueryOutcome> lookup) {}

    record OnePartition(long rows, long filesBefore, long filesAfter, QueryOutcome optimize) {}

    record Checkpoints(int liveFiles, Latencies checkpointing, Latencies plain) {}

    private record Sample(double seconds, Files maintained, Files unmaintained) {}

    private record QueryRow(String catalog, String state, Queries queries) {}

    private final MachineInfo machine;
    private final MaintenanceBenchmark.Options options;
    private final List<Sample> samples = new ArrayList<>();
    private final List<QueryRow> queries = new ArrayList<>();
    private long rowsWritten;
    private List<QueryOutcome> optimizeAll = List.of();
    private OnePartition onePartition;
    private Checkpoints checkpoints;
    private String loadAtEnd = "?";

    MaintenanceReport(MachineInfo machine, MaintenanceBenchmark.Options options)
    {
        this.machine = machine;
        this.options = options;
    }

    void sample(double seconds, Files maintained, Files unmaintained)
    {
        samples.add(new Sample(seconds, maintained, unmaintained));
    }

    String lastSample()
    {
        Sample last = samples.getLast();
        return "files per partition, most / mean: maintained %d / %.1f, unmaintained %d / %.1f".formatted(
                last.maintained().max(), last.maintained().mean(), last.unmaintained().max(), last.unmaintained().mean());
    }

    void rowsWritten(long rows)
    {
        this.rowsWritten = rows;
    }

    void queries(String catalog, String state, Queries result)
    {
        queries.add(new QueryRow(catalog, state, result));
    }

    void optimizeAll(List<QueryOutcome> outcomes)
    {
        this.optimizeAll = List.copyOf(outcomes);
    }

    void onePartition(OnePartition result)
    {
        this.onePartition = result;
    }

    void checkpoints(Checkpoints result)
    {
        this.checkpoints = result;
    }

    void loadAtEnd(String loadAverage)
    {
        this.loadAtEnd = loadAverage;
    }

    String render()
    {
        List<String> lines = new ArrayList<>();
        lines.add("## Table maintenance");
        lines.add("");
        lines.addAll(machine.markdownItems());
        lines.add("- load average at start: %s; at end: %s".formatted(machine.loadAverage(), loadAtEnd));
        lines.add("- ingest: %,d rows/s into each of two gateways (write buffer, BATCH_INTERVAL_MS=1000), %d projects, %.1f minutes; %,d rows written in all"
                .formatted(options.rowsPerSecond(), 3, options.minutes(), rowsWritten));
        lines.add("");
        lines.add("### Files per (project, date) during ingest");
        lines.add("");
        lines.add("| seconds | maintained: most | maintained: mean | unmaintained: most | unmaintained: mean |");
        lines.add("|---:|---:|---:|---:|---:|");
        for (Sample sample : samples) {
            lines.add("| %.0f | %d | %.1f | %d | %.1f |".formatted(sample.seconds(), sample.maintained().max(), sample.maintained().mean(), sample.unmaintained().max(), sample.unmaintained().mean()));
        }
        lines.add("");
        lines.add("### A one-hour dashboard query and a point lookup (project bench-0, Trino JDBC, %d runs after a warm-up)".formatted(5));
        lines.add("");
        lines.add("| table | state | files of the project | hour: wall ms median (min–max) | hour: rows read | lookup: wall ms median (min–max) | lookup: rows read |");
        lines.add("|---|---|---:|---|---:|---|---:|");
        for (QueryRow row : queries) {
            lines.add("| %s | %s | %d | %s | %,d | %s | %,d |".formatted(row.catalog(), row.state(), row.queries().filesOfTheProject(),
                    wall(row.queries().hour()), row.queries().hour().getFirst().processedRows(), wall(row.queries().lookup()), row.queries().lookup().getFirst().processedRows()));
        }
        lines.add("");
        lines.add("OPTIMIZE of each project of the unmaintained table (one statement per project, all its days): %s ms wall."
                .formatted(String.join(", ", optimizeAll.stream().map(outcome -> "%,.0f".formatted(outcome.wallMillis())).toList())));
        lines.add("");
        lines.add("### OPTIMIZE of one partition");
        lines.add("");
        lines.add("| rows | files before | files after | wall ms | task CPU ms | peak memory |");
        lines.add("|---:|---:|---:|---:|---:|---:|");
        lines.add("| %,d | %d | %d | %,.0f | %,d | %.1f MiB |".formatted(onePartition.rows(), onePartition.filesBefore(), onePartition.filesAfter(),
                onePartition.optimize().wallMillis(), onePartition.optimize().cpuMillis(), onePartition.optimize().peakMemoryBytes() / (double) (1 << 20)));
        lines.add("");
        lines.add("### What a checkpoint costs the commit that writes it (%,d live files, local disk)".formatted(checkpoints.liveFiles()));
        lines.add("");
        lines.add("| commits | count | p50 ms | p90 ms | max ms |");
        lines.add("|---|---:|---:|---:|---:|");
        lines.add(latencyRow("writing a checkpoint (every 10th)", checkpoints.checkpointing()));
        lines.add(latencyRow("the others", checkpoints.plain()));
        return String.join("\n", lines) + "\n";
    }

    private static String wall(List<QueryOutcome> runs)
    {
        double[] millis = runs.stream().mapToDouble(QueryOutcome::wallMillis).sorted().toArray();
        return "%,.0f (%,.0f–%,.0f)".formatted(millis[millis.length / 2], Arrays.stream(millis).min().orElseThrow(), Arrays.stream(millis).max().orElseThrow());
    }

    private static String latencyRow(String label, Latencies latencies)
    {
        return "| %s | %d | %.1f | %.1f | %.1f |".formatted(label, latencies.count(), latencies.p50(), latencies.p90(), latencies.max());
    }
}

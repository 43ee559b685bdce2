package io.timefusion.bench;

import java.util.List;
import java.util.Optional;

/**
 * The Markdown report of {@link IngestBenchmark}: one row per scenario and server with the ratio to PostgreSQL, the
 * latency of a query run during the 100-row INSERTs, and what a million rows leave in Delta.
 */
final class IngestReport
{
    private IngestReport() {}

    /** The query repeated during the 100-row INSERTs on one server. */
    record Reader(String target, Latencies latencies) {}

    /** What a million COPY rows left in the Delta table: flushes, commits, data files, and how long a flush took. */
    record Files(long rows, long flushes, long commits, long dataFiles, double averageFlushSeconds) {}

    static String render(MachineInfo machine, List<IngestScenarios.Result> results, List<Reader> readers, Files files, List<String> loadAverages)
    {
        StringBuilder report = new StringBuilder("## Ingest through pgwire: TimeFusion's write buffer vs PostgreSQL 15\n\n");
        machine.markdownItems().forEach(item -> report.append(item).append('\n'));
        report.append("- load average (1, 5, 15 min):\n");
        loadAverages.forEach(load -> report.append("  - ").append(load).append('\n'));
        report.append('\n')
                .append("| scenario | server | rows | statements | wall s | rows/s | ack p50 ms | ack p99 ms | ack max ms | rows/s vs PostgreSQL |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (IngestScenarios.Result result : results) {
            Optional<IngestScenarios.Result> postgres = results.stream()
                    .filter(other -> other.scenario().equals(result.scenario()) && other.target().startsWith("PostgreSQL"))
                    .findFirst();
            report.append("| %s | %s | %,d | %,d | %.1f | %,.0f | %.1f | %.1f | %.1f | %s |\n".formatted(
                    result.scenario(), result.target(), result.rows(), result.statements(), result.seconds(), result.rowsPerSecond(),
                    result.acknowledgement().p50(), result.acknowledgement().p99(), result.acknowledgement().max(),
                    postgres.map(pg -> "%.2f×".formatted(result.rowsPerSecond() / pg.rowsPerSecond())).orElse("–")));
        }
        report.append("\nA query during the 100-row INSERTs (`SELECT count(*), max(duration) … WHERE project_id = 'project-1' AND duration > n`, a new n each time, result cache off):\n\n")
                .append("| server | queries | p50 ms | p90 ms | max ms |\n|---|---:|---:|---:|---:|\n");
        for (Reader reader : readers) {
            report.append("| %s | %,d | %.1f | %.1f | %.1f |\n".formatted(reader.target(), reader.latencies().count(), reader.latencies().p50(), reader.latencies().p90(),
                    reader.latencies().max()));
        }
        double perMillion = 1_000_000.0 / files.rows();
        report.append("\nWhat %,d COPY rows left in Delta (TimeFusion, default BATCH_INTERVAL_MS and MAX_BATCH_SIZE): %d flushes (%.1f s each on average), %d commits, %d data files; per 1 M rows %.1f commits and %.1f data files.\n"
                .formatted(files.rows(), files.flushes(), files.averageFlushSeconds(),
                        files.commits(), files.dataFiles(), files.commits() * perMillion, files.dataFiles() * perMillion));
        return report.toString();
    }
}

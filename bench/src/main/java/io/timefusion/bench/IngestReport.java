package io.timefusion.bench;

import java.util.List;
import java.util.Optional;

/** The Markdown report of {@link IngestBenchmark}: one row per scenario and server, with the ratio to PostgreSQL. */
final class IngestReport
{
    private IngestReport() {}

    static String render(MachineInfo machine, List<IngestScenarios.Result> results, List<String> loadAverages)
    {
        StringBuilder report = new StringBuilder("## Ingest through pgwire: the gateway vs PostgreSQL 15\n\n");
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
        return report.toString();
    }
}

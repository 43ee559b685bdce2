package io.timefusion.bench;

import java.util.List;
import java.util.Locale;

/** The results as Markdown tables, ready to paste into bench/README.md. */
final class MarkdownReport
{
    private final StringBuilder out = new StringBuilder();

    static String render(MachineInfo machine, String storage, String loadAtEnd, List<ScenarioResult> inserts, List<ScenarioResult> scans, TableFiles scannedTable)
    {
        MarkdownReport report = new MarkdownReport();
        report.machine(machine, storage, loadAtEnd);
        report.inserts(inserts);
        report.scans(scans, scannedTable);
        return report.out.toString();
    }

    private void machine(MachineInfo machine, String storage, String loadAtEnd)
    {
        line("### Machine and setup");
        line("");
        machine.markdownItems().forEach(this::line);
        line("- Trino 476 in-process, one coordinator that also runs the tasks; storage: " + storage);
        line("- load average (1/5/15 min) at start: " + machine.loadAverage() + "; at end: " + loadAtEnd);
        line("");
    }

    private void inserts(List<ScenarioResult> results)
    {
        line("### Inserts through Trino JDBC (%d columns per row)".formatted(LogColumns.ALL.size()));
        line("");
        line("| statement form | rows per statement | SQL size | runs | wall per statement, ms: median (min–max) | rows/s: median (min–max) | planning ms (median) | task CPU ms (median) | CPU used by other processes |");
        line("|---|---:|---:|---:|---|---|---:|---:|---:|");
        for (ScenarioResult result : results) {
            line("| %s | %s | %s | %d | %s | %s | %,.0f | %,.0f | %.0f %% |".formatted(
                    result.label(), result.variant(), size(result.statementChars()), result.runs().size(),
                    range(result.wallMillis()), range(result.rowsPerSecond()),
                    result.planningMillis().median(), result.cpuMillis().median(), result.othersCpuShare() * 100));
        }
        line("");
    }

    private void scans(List<ScenarioResult> results, TableFiles table)
    {
        line("### Reads of the %,d-row table written by the in-engine INSERT".formatted(GeneratedInsert.ROWS));
        line("");
        line("Table on disk: %d Parquet data files in %d partitions, %s; Delta log: %d files, %s.".formatted(
                table.dataFiles(), table.partitions(), size(table.dataBytes()), table.logFiles(), size(table.logBytes())));
        line("");
        line("| query | rows read | runs | wall ms: median (min–max) | rows read/s: median (min–max) | planning ms (median) | task CPU ms (median) | CPU used by other processes |");
        line("|---|---:|---:|---|---|---:|---:|---:|");
        for (ScenarioResult result : results) {
            line("| %s | %,.0f | %d | %s | %s | %,.0f | %,.0f | %.0f %% |".formatted(
                    result.label(), result.rows().median(), result.runs().size(),
                    range(result.wallMillis()), range(result.rowsPerSecond()),
                    result.planningMillis().median(), result.cpuMillis().median(), result.othersCpuShare() * 100));
        }
        line("");
    }

    private static String range(Summary summary)
    {
        if (summary.count() == 1) {
            return "%,.0f (one run)".formatted(summary.median());
        }
        return "%,.0f (%,.0f–%,.0f)".formatted(summary.median(), summary.min(), summary.max());
    }

    private static String size(long bytes)
    {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    private void line(String text)
    {
        out.append(text).append('\n');
    }
}

package io.timefusion.bench;

import java.util.List;
import java.util.stream.Stream;

/** CachedQueryBenchmark's results as Markdown, ready to paste into bench/README.md. */
final class CachedQueryReport
{
    private CachedQueryReport() {}

    static String render(MachineInfo machine, String loadAtEnd, List<RepeatedQueryResult> results, RepeatedQueryBenchmark.GatewayShare share)
    {
        StringBuilder out = new StringBuilder();
        out.append("### Machine and setup\n\n");
        machine.markdownItems().forEach(item -> out.append(item).append('\n'));
        out.append("- Trino 476 in-process (one coordinator that also runs the tasks), timefusion catalog on local disk; the gateway in the same JVM; pgjdbc over 127.0.0.1\n");
        out.append("- load average (1/5/15 min) at start: %s; at end: %s\n\n".formatted(machine.loadAverage(), loadAtEnd));
        out.append("### `%s` with project_id = '%s' (%d rows per run) on a %,d-row table\n\n".formatted(
                DashboardQuery.SQL, DashboardQuery.PROJECT, DashboardRows.LEVELS.size(), DashboardRows.ROWS));
        out.append("| gateway | first run ms | warm-ups | measured runs | p50 ms | p90 ms | p99 ms | max ms | measured runs answered from the cache | CPU used by other processes |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RepeatedQueryResult result : Stream.concat(results.stream(), Stream.of(share.throughGateway(), share.straightOnTrino())).toList()) {
            Latencies measured = result.measured();
            out.append("| %s | %,.1f | %,d | %,d | %,.2f | %,.2f | %,.2f | %,.2f | %,d | %.0f %% |\n".formatted(
                    result.gateway(), result.firstRunMillis(), result.warmups(), measured.count(),
                    measured.p50(), measured.p90(), measured.p99(), measured.max(),
                    result.cacheHits(), result.othersCpuShare() * 100));
        }
        out.append("\nAn uncached statement through the gateway took %.2f ms longer than the same Trino statement straight on Trino (p50 of the %d rounds' differences); a second, identical straight client took %.2f ms longer than the first in the same rounds (what two identical clients differ by here). The gateway's translation of the repeated literal text (remembered after the first) took %.2f µs.\n"
                .formatted(share.differenceP50Millis(), share.throughGateway().measured().count(), share.controlDifferenceP50Millis(), share.translationMicros()));
        RepeatedQueryBenchmark.MeasuredShare measured = share.measured();
        out.append("\nAs the gateway measures it (`timefusion_query_gateway_seconds`: each statement's duration less its session's wait on Trino), the %,d statements of those rounds spent %.0f µs each in the gateway on average; the median is at most %.0f µs (the upper bound of its histogram bucket).\n"
                .formatted(measured.statements(), measured.meanMicros(), measured.medianAtMostMicros()));
        return out.toString();
    }
}

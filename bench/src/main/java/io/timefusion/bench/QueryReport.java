package io.timefusion.bench;

import java.util.List;

/** QueryBenchmark's results as Markdown, ready to paste into bench/README.md. */
final class QueryReport
{
    private QueryReport() {}

    static String render(MachineInfo machine, long rows, DashboardWorkload.Lookup lookup, List<DashboardQueries.Query> queries, QueryBenchmark.SystemRun postgres,
            QueryBenchmark.SystemRun timefusion, List<QueryBenchmark.ReadStatistics> reads, TrinoFloors floors)
    {
        StringBuilder out = new StringBuilder();
        out.append("### Machine and setup\n\n");
        machine.markdownItems().forEach(item -> out.append(item).append('\n'));
        out.append("- %,d rows: 3 projects (%s has half), %d days from %s, traces of 5–20 spans, 300 endpoints, 20 services, 5 %% failed traces; the trace looked up has %d spans\n"
                .formatted(rows, DashboardWorkload.PROJECT, DashboardWorkload.DAYS, DashboardWorkload.START, lookup.spans()));
        for (QueryBenchmark.SystemRun run : List.of(postgres, timefusion)) {
            out.append("- %s: loaded in %,.0f s (%,.0f rows/s) by COPY over 4 connections; holds %s; load average (1/5/15 min) around its queries: %s\n"
                    .formatted(run.name(), run.loadSeconds(), rows / run.loadSeconds(), run.storage(), run.loadAverage()));
        }
        out.append("- PostgreSQL 15 with the indexes (project_id, timestamp), (context___trace_id) and (id), VACUUM ANALYZE after the load, default settings otherwise\n");
        out.append("- TimeFusion: Trino 476 in-process, local disk, the gateway in the same JVM with its query cache off; rows written by COPY into the write buffer and flushed to Delta\n");
        out.append(("- in rounds: %d warm-up rounds, then %d measured ones, each running every statement once, in order (PostgreSQL: Q1–Q8;"
                + " TimeFusion: `SELECT 1` straight on Trino, `SELECT 1` through the gateway, Q7 for a project without rows, a lookup in Trino's `system.runtime.nodes`, Q1–Q8), so that the JVM's compilers have seen"
                + " every statement before any is measured and the machine's load falls on all alike; pgjdbc, literal SQL, simple protocol for TimeFusion\n\n")
                .formatted(QueryBenchmark.WARMUP_ROUNDS, QueryBenchmark.ROUNDS));
        out.append("| query | TimeFusion p50 ms | p95 ms | PostgreSQL p50 ms | p95 ms | TimeFusion ÷ PostgreSQL (p50) | rows read from storage | MB read by Trino | same answer |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (int i = 0; i < queries.size(); i++) {
            DashboardQueries.Query query = queries.get(i);
            Latencies tf = timefusion.queries().get(i).latencies();
            Latencies pg = postgres.queries().get(i).latencies();
            String same = !query.comparable() ? "approximate" : timefusion.queries().get(i).answer().equals(postgres.queries().get(i).answer())
                    ? "yes (%d rows)".formatted(postgres.queries().get(i).answer().size())
                    : "**no**";
            out.append("| %s | %,.1f | %,.1f | %,.1f | %,.1f | %.2f× | %,d | %,.1f | %s |\n".formatted(
                    query.name(), tf.p50(), tf.p95(), pg.p50(), pg.p95(), tf.p50() / pg.p50(), reads.get(i).rowsRead(), reads.get(i).processedBytes() / 1e6, same));
        }
        out.append("\nRows read from storage: what the connector read after skipping files and row groups, before its own row filter"
                + " (the query info's physical input); MB read by Trino: the bytes the scans handed to Trino (Trino JDBC's processed bytes).\n");
        out.append("\nTrino's floor in the same run: `SELECT 1` straight on Trino (Trino JDBC) p50 %.1f ms, p95 %.1f ms; through the gateway p50 %.1f ms, p95 %.1f ms.\n"
                .formatted(floors.selectOneStraight().p50(), floors.selectOneStraight().p95(), floors.selectOneThroughGateway().p50(), floors.selectOneThroughGateway().p95()));
        out.append(("\nA query of the table that reads nothing, in the same run: Q7's statement for a project without rows, through the gateway"
                + " (one scan stage, no file split), p50 %.1f ms, p95 %.1f ms: %.2f× `SELECT 1` through the gateway.%n")
                .formatted(floors.tableThroughGateway().p50(), floors.tableThroughGateway().p95(), floors.tableThroughGateway().p50() / floors.selectOneThroughGateway().p50()));
        out.append(("\nThe engine's own floor of a table query, in the same run: `%s` straight on Trino (no connector of ours, nothing stored),"
                + " p50 %.1f ms, p95 %.1f ms: %.2f× `SELECT 1` straight on Trino.%n")
                .formatted(TrinoFloors.SYSTEM_TABLE_LOOKUP, floors.systemTableStraight().p50(), floors.systemTableStraight().p95(),
                        floors.systemTableStraight().p50() / floors.selectOneStraight().p50()));
        out.append("\nThe queries (TimeFusion's text; PostgreSQL's where it differs):\n\n");
        for (DashboardQueries.Query query : queries) {
            out.append("- %s: `%s`%n".formatted(query.name(), query.timefusionSql()));
            if (!query.postgresSql().equals(query.timefusionSql())) {
                out.append("  PostgreSQL: `%s`%n".formatted(query.postgresSql()));
            }
        }
        return out.toString();
    }
}

package io.timefusion.bench;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Scenario 3: reads of the 1 M-row table, a full scan against one that pruning should cut to one partition and hour. */
final class ScanBenchmark
{
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Instant HOUR_START = Workload.START.plusSeconds(10 * 3600);

    private final TrinoClient client;
    private final String table;

    ScanBenchmark(TrinoClient client, String catalog)
    {
        this.client = client;
        this.table = BenchCluster.table(catalog);
    }

    List<ScenarioResult> run()
            throws SQLException
    {
        long rows = client.queryLong("SELECT count(*) FROM " + table);
        if (rows != GeneratedInsert.ROWS) {
            throw new IllegalStateException("%s holds %d rows, expected %d".formatted(table, rows, GeneratedInsert.ROWS));
        }
        String aggregates = "SELECT count(*), sum(duration), approx_distinct(id) FROM " + table;
        String oneHour = "project_id = 'p1' AND \"timestamp\" >= TIMESTAMP '%s' AND \"timestamp\" < TIMESTAMP '%s'"
                .formatted(LITERAL.format(HOUR_START), LITERAL.format(HOUR_START.plusSeconds(3600)));
        List<ScenarioResult> results = new ArrayList<>();
        results.add(measure("full scan: count, sum(duration), approx_distinct(id)", aggregates));
        results.add(measure("same, WHERE project_id = 'p1' AND one hour", aggregates + " WHERE " + oneHour));
        results.add(measure("SELECT level, count(*) … GROUP BY level", "SELECT level, count(*) FROM " + table + " GROUP BY level"));
        return results;
    }

    /** Rates count the rows the connector returned, so a pruned scan shows how much it still had to read. */
    private ScenarioResult measure(String label, String sql)
            throws SQLException
    {
        return new Scenario(label, "", 1, 5).run(client, _ -> sql, _ -> {}, RowCount.READ);
    }
}

package io.timefusion.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table behind {@link CachedQueryBenchmark}'s dashboard query: 10,000 log rows generated inside Trino by one
 * INSERT, spread round-robin over {@link Workload#PROJECTS} and four levels, so each project has every level.
 */
final class DashboardRows
{
    static final int ROWS = 10_000;
    static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARN", "ERROR");

    private DashboardRows() {}

    static void insert(TrinoClient client)
            throws SQLException
    {
        // date is NOT NULL but the connector derives it from timestamp, so any value does
        String sql = """
                INSERT INTO %s (id, project_id, "timestamp", "date", level, duration)
                SELECT 'row-' || CAST(n AS varchar),
                       element_at(%s, n %% %d + 1),
                       from_unixtime(%d + n),
                       DATE '2025-06-01',
                       element_at(%s, n %% %d + 1),
                       (n %% 997) * 1000000
                FROM UNNEST(sequence(1, %d)) AS t(n)
                """.formatted(BenchCluster.table(BenchCluster.CATALOG),
                arrayLiteral(Workload.PROJECTS), Workload.PROJECTS.size(),
                Workload.START.getEpochSecond(),
                arrayLiteral(LEVELS), LEVELS.size(),
                ROWS);
        ClientInsertBenchmark.requireInserted(client.execute(sql), ROWS);
    }

    private static String arrayLiteral(List<String> values)
    {
        return values.stream().map(ColumnType::quote).collect(Collectors.joining(", ", "ARRAY[", "]"));
    }
}

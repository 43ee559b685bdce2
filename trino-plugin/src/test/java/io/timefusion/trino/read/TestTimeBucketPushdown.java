package io.timefusion.trino.read;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.Session;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code count(*)} per {@code time_bucket} is counted by the scan: the plan has no aggregation left, and every answer
 * is the engine's own (checked with nothing pushed into the scan). The table: one project, three INSERTs (three files)
 * of rows 7.001 s apart over three hours of one day, one of them crossing midnight into the next day's partition.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestTimeBucketPushdown
{
    private static final String PROJECT = "p-buckets";
    private static final String TABLE = "otel_logs_and_spans WHERE project_id = '" + PROJECT + "'";

    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void writeThreeFiles()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder().withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory)).build();
        for (String start : new String[] {"2025-05-01 09:00:00", "2025-05-01 10:00:00", "2025-05-01 23:30:00"}) {
            queryRunner.execute("""
                    INSERT INTO otel_logs_and_spans (timestamp, id, project_id, date, name, status_code, duration, attributes___url___path)
                    SELECT t, 'row-%s-' || CAST(n AS varchar), '%s', CAST(t AS date), 'span ' || CAST(n %% 7 AS varchar),
                           CASE WHEN n %% 20 = 0 THEN 'ERROR' ELSE 'OK' END, n * 1000, CASE WHEN n %% 10 = 0 THEN '/api/orders/' ELSE '/api/items/' END || CAST(n AS varchar)
                    FROM UNNEST(sequence(0, 599)) AS rows(n)
                    CROSS JOIN LATERAL (SELECT date_add('millisecond', n * 7001, TIMESTAMP '%s.000000 UTC') AS t)
                    """.formatted(start, PROJECT, start));
        }
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void countsPerFiveMinutesAreCountedByTheScan()
    {
        String counts = "SELECT time_bucket(INTERVAL '5' MINUTE, \"timestamp\") AS bucket, count(*) AS n FROM " + TABLE + " GROUP BY 1 ORDER BY 1";

        assertThat(rows(counts)).isEqualTo(rowsWithoutPushdown(counts));
        // 14 buckets per file; the first two files share 10:00 and 10:05, each one row counting both files' rows
        assertThat(rows(counts).getRowCount()).isEqualTo(40);
        assertThat(plan(counts)).contains("count(*) per time_bucket(300000 ms, timestamp)").doesNotContain("Aggregate");
        // one reader on one node: with the sort there too (no distributed sort), the query is one stage
        Session sortOnOneNode = Session.builder(queryRunner.getDefaultSession()).setSystemProperty("distributed_sort", "false").build();
        assertThat((String) queryRunner.execute(sortOnOneNode, "EXPLAIN (TYPE DISTRIBUTED) " + counts).getOnlyValue())
                .contains("Fragment 0 [timefusion:INSTANCE]").doesNotContain("Fragment 1");
    }

    @Test
    void countsInDescendingOrderAreSortedByTheEngine()
    {
        String newestFirst = "SELECT time_bucket(INTERVAL '10' MINUTE, \"timestamp\") AS bucket, count(*) AS n FROM " + TABLE + " GROUP BY 1 ORDER BY 1 DESC";

        assertThat(rows(newestFirst)).isEqualTo(rowsWithoutPushdown(newestFirst));
    }

    @Test
    void countsUnderTheScansFilterAreTheEnginesCounts()
    {
        for (String query : new String[] {
                "SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\"), count(*) FROM " + TABLE + " AND attributes___url___path LIKE '%/orders/%' GROUP BY 1",
                "SELECT count(*), time_bucket(INTERVAL '7' MINUTE, \"timestamp\") FROM " + TABLE + " AND status_code = 'ERROR' AND duration > 100000 GROUP BY 2",
                "SELECT time_bucket(INTERVAL '1' DAY, \"timestamp\") AS day, count(*), count(*) FROM " + TABLE + " GROUP BY 1",
                "SELECT date_trunc('minute', \"timestamp\"), count(*) FROM " + TABLE + " AND duration > 100000 GROUP BY 1",
                "SELECT date_trunc('HOUR', \"timestamp\"), count(*) FROM " + TABLE + " GROUP BY 1",
                "SELECT date_trunc('week', \"timestamp\"), count(*) FROM " + TABLE + " GROUP BY 1",
                "SELECT time_bucket(INTERVAL '90' SECOND, \"timestamp\") AS b, count(*) FROM " + TABLE
                        + " AND \"timestamp\" >= TIMESTAMP '2025-05-01 09:30:00.5 UTC' AND \"timestamp\" < TIMESTAMP '2025-05-02 00:10:00 UTC' GROUP BY 1",
        }) {
            assertThat(rows(query)).as(query).containsExactlyInAnyOrderElementsOf(rowsWithoutPushdown(query));
            assertThat(plan(query)).as(query).doesNotContain("Aggregate");
        }
    }

    @Test
    void aWindowWithoutRowsHasNoBuckets()
    {
        String empty = "SELECT time_bucket(INTERVAL '5' MINUTE, \"timestamp\"), count(*) FROM " + TABLE + " AND \"timestamp\" < TIMESTAMP '2025-05-01 08:00:00 UTC' GROUP BY 1";

        assertThat(rows(empty).getRowCount()).isZero();
    }

    @Test
    void bucketsWithoutACountAreComputedByTheScan()
    {
        String buckets = "SELECT id, time_bucket(INTERVAL '15' MINUTE, \"timestamp\"), \"timestamp\" FROM " + TABLE + " AND duration < 5000";

        assertThat(rows(buckets)).containsExactlyInAnyOrderElementsOf(rowsWithoutPushdown(buckets));
        assertThat(rows(buckets).getRowCount()).isEqualTo(15);
        assertThat(plan(buckets)).contains("time_bucket(900000 ms, timestamp)");
    }

    @Test
    void otherAggregatesAndFiltersOnTheBucketStayWithTheEngine()
    {
        for (String query : new String[] {
                "SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\"), count(*), max(duration) FROM " + TABLE + " GROUP BY 1",
                "SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\"), count(DISTINCT name) FROM " + TABLE + " GROUP BY 1",
                "SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\"), count(*) FILTER (WHERE status_code = 'ERROR') FROM " + TABLE + " GROUP BY 1",
                "SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\"), name, count(*) FROM " + TABLE + " GROUP BY 1, 2",
                "SELECT time_bucket(INTERVAL '10' MINUTE, \"timestamp\", TIMESTAMP '2025-05-01 00:03:00 UTC'), count(*) FROM " + TABLE + " GROUP BY 1",
                "SELECT date_trunc('month', \"timestamp\"), count(*) FROM " + TABLE + " GROUP BY 1",
                "SELECT date_trunc('hour', \"timestamp\" AT TIME ZONE 'Asia/Kolkata'), count(*) FROM " + TABLE + " GROUP BY 1",
                "SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\"), count(*) FROM " + TABLE + " AND lower(name) = 'span 3' GROUP BY 1",
                "SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\") AS b, count(*) FROM " + TABLE + " GROUP BY 1 HAVING count(*) > 100",
                "SELECT b, count(*) FROM (SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\") AS b FROM " + TABLE + ") WHERE b >= TIMESTAMP '2025-05-01 10:00:00 UTC' GROUP BY 1",
        }) {
            assertThat(rows(query)).as(query).containsExactlyInAnyOrderElementsOf(rowsWithoutPushdown(query));
        }
        assertThat(plan("SELECT time_bucket(INTERVAL '1' HOUR, \"timestamp\"), count(*), max(duration) FROM " + TABLE + " GROUP BY 1")).contains("Aggregate");
    }

    private MaterializedResult rows(String sql)
    {
        return queryRunner.execute(sql);
    }

    /** The answer as the engine alone gives it: nothing pushed into the scan. */
    private MaterializedResult rowsWithoutPushdown(String sql)
    {
        Session session = Session.builder(queryRunner.getDefaultSession()).setSystemProperty("allow_pushdown_into_connectors", "false").build();
        return queryRunner.execute(session, sql);
    }

    private String plan(String sql)
    {
        return (String) queryRunner.execute("EXPLAIN " + sql).getOnlyValue();
    }
}

package io.timefusion.trino.read;

import io.timefusion.testing.QueryStatistics;
import io.timefusion.testing.TableFiles;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.Session;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner.MaterializedResultWithPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan filters rows itself (domains of scalar columns, LIKE on text) and, with nothing left for the engine to
 * filter, takes {@code ORDER BY timestamp LIMIT n}: it reads the files newest (or oldest) first and stops once n rows
 * ahead of every file left are certain. The table: one project, one file per hour of a day, every tenth row's path
 * under /orders/. Each answer is checked against the engine's own, with nothing pushed into the scan. Another project
 * has many one-row files, which the scan reads in a few splits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestScanPushdown
{
    private static final String PROJECT = "p-top-n";
    private static final String DAY = "2025-05-01";
    private static final int FILES = 4;
    private static final int ROWS_PER_FILE = 500;
    private static final int ORDERS_PER_FILE = ROWS_PER_FILE / 10;
    private static final String TABLE = "otel_logs_and_spans WHERE project_id = '" + PROJECT + "'";
    private static final String SMALL_FILES_PROJECT = "p-small-files";
    private static final int SMALL_FILES = 12;

    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void writeOneFilePerHour()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder().withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory)).build();
        for (int hour = 0; hour < FILES; hour++) {
            queryRunner.execute("""
                    INSERT INTO otel_logs_and_spans (timestamp, id, project_id, date, name, status_code, duration, attributes___url___path)
                    SELECT date_add('millisecond', n * 7001, TIMESTAMP '%s %02d:00:00.000000 UTC'), 'row-%d-' || CAST(n AS varchar), '%s', DATE '%s',
                           'span ' || CAST(n %% 7 AS varchar), CASE WHEN n %% 20 = 0 THEN 'ERROR' ELSE 'OK' END, n * 1000,
                           CASE WHEN n %% 10 = 0 THEN '/api/orders/' ELSE '/api/items/' END || CAST(n AS varchar)
                    FROM UNNEST(sequence(0, %d)) AS rows(n)
                    """.formatted(DAY, hour, hour, PROJECT, DAY, ROWS_PER_FILE - 1));
        }
        for (int file = 0; file < SMALL_FILES; file++) {
            queryRunner.execute("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, date, duration) VALUES (TIMESTAMP '%s 12:00:%02d UTC', 'small-%d', '%s', DATE '%s', %d)"
                    .formatted(DAY, file, file, SMALL_FILES_PROJECT, DAY, file));
        }
        try (TableFiles files = new TableFiles(dataDirectory)) {
            assertThat(files.liveFiles(PROJECT, DAY)).as("one data file per INSERT").hasSize(FILES);
            assertThat(files.liveFiles(SMALL_FILES_PROJECT, DAY)).as("one data file per INSERT").hasSize(SMALL_FILES);
        }
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void theNewestRowsMatchingAPathReadOnlyTheNewestFile()
    {
        String newest = "SELECT \"timestamp\", id FROM " + TABLE + " AND attributes___url___path LIKE '%/orders/%' ORDER BY \"timestamp\" DESC LIMIT 10";

        assertThat(rows(newest)).isEqualTo(rowsWithoutPushdown(newest));
        assertThat(rows(newest).getRowCount()).isEqualTo(10);
        assertThat(rowsRead(newest)).isEqualTo(ROWS_PER_FILE);
        // one reader: the engine's TopN runs in the scan's stage, the query is one stage
        assertThat((String) queryRunner.execute("EXPLAIN (TYPE DISTRIBUTED) " + newest).getOnlyValue()).contains("TopN").doesNotContain("Fragment 1");
    }

    @Test
    void theOldestRowsReadOnlyTheOldestFile()
    {
        String oldest = "SELECT \"timestamp\", id, name FROM " + TABLE + " ORDER BY \"timestamp\" ASC, id LIMIT 25";

        assertThat(rows(oldest)).isEqualTo(rowsWithoutPushdown(oldest));
        assertThat(rowsRead(oldest)).isEqualTo(ROWS_PER_FILE);
    }

    @Test
    void aFilterTooRareForTheNewestFileReadsOnUntilTheRowsAreCertain()
    {
        String rare = "SELECT \"timestamp\", id FROM " + TABLE + " AND attributes___url___path LIKE '%/orders/%' ORDER BY \"timestamp\" DESC LIMIT " + (ORDERS_PER_FILE + 5);

        assertThat(rows(rare)).isEqualTo(rowsWithoutPushdown(rare));
        assertThat(rowsRead(rare)).isEqualTo(2L * ROWS_PER_FILE);
    }

    @Test
    void aLimitBeyondTheMatchingRowsReadsEveryFile()
    {
        String all = "SELECT id FROM " + TABLE + " AND status_code = 'ERROR' ORDER BY \"timestamp\" DESC LIMIT 1000";

        assertThat(rows(all)).isEqualTo(rowsWithoutPushdown(all));
        assertThat(rows(all).getRowCount()).isEqualTo(FILES * ROWS_PER_FILE / 20);
        assertThat(rowsRead(all)).isEqualTo(FILES * ROWS_PER_FILE);
    }

    @Test
    void aFilterTheScanCannotApplyLeavesTheLimitToTheEngine()
    {
        // lower(...) is not a predicate the scan applies: the engine filters, so every file is read
        String computed = "SELECT id FROM " + TABLE + " AND lower(name) = 'span 3' ORDER BY \"timestamp\" DESC LIMIT 5";

        assertThat(rows(computed)).isEqualTo(rowsWithoutPushdown(computed));
        assertThat(rowsRead(computed)).isEqualTo(FILES * ROWS_PER_FILE);
    }

    @Test
    void manySmallFilesAreReadInAFewSplits()
    {
        String sum = "SELECT count(*), sum(duration) FROM otel_logs_and_spans WHERE project_id = '" + SMALL_FILES_PROJECT + "'";
        // two groups per processor of the one node (this JVM), each a split that reads its files one after the other
        int groups = Math.min(SMALL_FILES, 2 * Runtime.getRuntime().availableProcessors());

        assertThat(rows(sum)).isEqualTo(rowsWithoutPushdown(sum));
        assertThat(rows(sum).getMaterializedRows().getFirst().getFields()).containsExactly((long) SMALL_FILES, (long) (SMALL_FILES * (SMALL_FILES - 1) / 2));
        assertThat(QueryStatistics.splitsScanned(queryRunner, queryRunner.executeWithPlan(queryRunner.getDefaultSession(), sum).queryId())).isEqualTo(groups);
    }

    @Test
    void rowsAreFilteredByTheScanAsTheEngineWould()
    {
        for (String predicate : new String[] {
                "attributes___url___path LIKE '/api/orders/1%'",
                "attributes___url___path LIKE '%s/_0'",
                "attributes___url___path NOT LIKE '%orders%'",
                "name IN ('span 1', 'span 5') AND duration BETWEEN 10000 AND 300000",
                "duration > 250000 OR duration IS NULL",
                "status_code <> 'OK'",
                "\"timestamp\" > TIMESTAMP '" + DAY + " 01:00:07.001000 UTC'",
                "\"timestamp\" >= TIMESTAMP '" + DAY + " 01:00:07.0010005 UTC'",
                "\"timestamp\" <= TIMESTAMP '" + DAY + " 02:00:14.0019995 UTC'",
                "\"timestamp\" IN (TIMESTAMP '" + DAY + " 00:00:00 UTC', TIMESTAMP '" + DAY + " 03:00:07.001 UTC')",
        }) {
            String count = "SELECT count(*), min(id), max(id) FROM " + TABLE + " AND " + predicate;
            assertThat(rows(count)).as(predicate).isEqualTo(rowsWithoutPushdown(count));
        }
    }

    private MaterializedResult rows(String sql)
    {
        return queryRunner.execute(sql);
    }

    /** The answer as the engine alone gives it: nothing pushed into the scan, every file read, every row filtered by Trino. */
    private MaterializedResult rowsWithoutPushdown(String sql)
    {
        Session session = Session.builder(queryRunner.getDefaultSession()).setSystemProperty("allow_pushdown_into_connectors", "false").build();
        return queryRunner.execute(session, sql);
    }

    /** Rows the connector read for the query's scans, before it filtered them. */
    private long rowsRead(String sql)
    {
        MaterializedResultWithPlan result = queryRunner.executeWithPlan(queryRunner.getDefaultSession(), sql);
        return QueryStatistics.rowsRead(queryRunner, result.queryId());
    }
}

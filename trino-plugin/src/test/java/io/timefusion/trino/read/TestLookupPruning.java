package io.timefusion.trino.read;

import io.airlift.units.DataSize;
import io.timefusion.testing.QueryStatistics;
import io.timefusion.testing.TableFiles;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.Session;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.QueryRunner.MaterializedResultWithPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.google.common.util.concurrent.Uninterruptibles.sleepUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads skip what cannot hold a matching row. Row groups of a data file: by their timestamp statistics for a time
 * window, by their bloom filters for an id (all distinct, so no dictionary), by dictionary or bloom filter for a trace
 * id (each shared by a few rows); those rows are one file of several row groups (a target file size far above the
 * file, a row group a quarter of it), so only row groups can be skipped. Whole files: a lookup by id or trace id is
 * given only the files whose bloom filters may hold it; those rows are several files of the same hour. The one file of
 * several row groups is larger than timefusion.max-split-size, so it is read in byte ranges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestLookupPruning
{
    private static final String PROJECT = "p-row-groups";
    private static final String DML_PROJECT = "p-row-groups-dml";
    private static final String DAY = "2025-04-01";
    private static final int HOURS = 6;
    private static final int ROWS_PER_HOUR = 2_000;
    private static final int ROWS = HOURS * ROWS_PER_HOUR;
    private static final int SPANS_PER_TRACE = 10;
    private static final String FILES_PROJECT = "p-files";
    private static final int FILES = 5;
    private static final int ROWS_PER_FILE = 200;
    // above the small files (their bloom filters make them about 150 kB), well below the one file of several row groups
    private static final String MAX_SPLIT_SIZE = "200kB";

    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void writeOneFileOfSeveralRowGroups()
            throws Exception
    {
        Map<String, String> properties = new HashMap<>(TimeFusionQueryRunner.localProperties(dataDirectory));
        properties.put("timefusion.target-file-size", "2MB");
        // every file its own split, so that the splits a lookup scans are the files it opens; the one file of several
        // row groups is read in byte ranges
        properties.put("timefusion.split-group-size", "1kB");
        properties.put("timefusion.max-split-size", MAX_SPLIT_SIZE);
        queryRunner = TimeFusionQueryRunner.builder().withConnectorProperties(properties).build();

        insertOneFileOfSeveralRowGroups(PROJECT);
        insertOneFileOfSeveralRowGroups(DML_PROJECT);

        for (int file = 0; file < FILES; file++) {
            queryRunner.execute("""
                    INSERT INTO otel_logs_and_spans (timestamp, id, project_id, date, context___trace_id, name)
                    SELECT date_add('second', n, TIMESTAMP '%s 05:00:00.000000 UTC'), lower(to_hex(md5(to_utf8('file-id-' || CAST(n AS varchar))))), '%s',
                           DATE '%s', lower(to_hex(md5(to_utf8('file-trace-' || CAST(n / %d AS varchar))))), 'GET /api/v1/items'
                    FROM UNNEST(sequence(%d, %d)) AS rows(n)
                    """.formatted(DAY, FILES_PROJECT, DAY, SPANS_PER_TRACE, file * ROWS_PER_FILE, (file + 1) * ROWS_PER_FILE - 1));
        }
        try (TableFiles files = new TableFiles(dataDirectory)) {
            assertThat(files.liveFiles(PROJECT, DAY)).as("the rows are in one data file").hasSize(1);
            assertThat(files.liveFiles(DML_PROJECT, DAY)).as("the rows are in one data file").hasSize(1);
            assertThat(files.liveFiles(FILES_PROJECT, DAY)).as("one data file per INSERT").hasSize(FILES);
        }
        assertThat(rowsRead("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND name <> ''".formatted(PROJECT))).isEqualTo(ROWS);
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void anHourWindowReadsOnlyTheRowGroupsOfThatHour()
    {
        String oneHour = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND \"timestamp\" >= TIMESTAMP '%s 02:00:00 UTC' AND \"timestamp\" < TIMESTAMP '%s 03:00:00 UTC'"
                .formatted(PROJECT, DAY, DAY);

        assertThat(queryRunner.execute(oneHour).getOnlyValue()).isEqualTo((long) ROWS_PER_HOUR);
        // the hour's rows and, at its two ends, the rest of the row groups they share with the hours beside it
        assertThat(rowsRead(oneHour)).isBetween((long) ROWS_PER_HOUR, ROWS / 2L);
    }

    @Test
    void aFileOfSeveralRowGroupsIsReadInSplitsOfByteRangesEachRowGroupOnce()
            throws Exception
    {
        long fileSize;
        try (TableFiles files = new TableFiles(dataDirectory)) {
            fileSize = files.liveFiles(PROJECT, DAY).getFirst().size();
        }
        long maxSplitSize = DataSize.valueOf(MAX_SPLIT_SIZE).toBytes();
        assertThat(fileSize).as("the file spans several ranges").isGreaterThan(2 * maxSplitSize);
        String all = "SELECT count(*), count(DISTINCT id) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(PROJECT);

        assertThat(queryRunner.execute(all).getMaterializedRows().getFirst().getFields()).containsExactly((long) ROWS, (long) ROWS);
        assertThat(rowsRead(all)).isEqualTo(ROWS);
        assertThat(splitsScanned(all)).isEqualTo((fileSize + maxSplitSize - 1) / maxSplitSize);
    }

    @Test
    void aDeleteThroughByteRangeSplitsRemovesExactlyTheRowsItNames()
    {
        // rows from the start, the middle and the end of the file: different row groups, read by different ranges
        String ids = "'%s', '%s', '%s'".formatted(md5Hex("id-0"), md5Hex("id-" + ROWS / 2), md5Hex("id-" + (ROWS - 1)));
        String table = "otel_logs_and_spans WHERE project_id = '%s'".formatted(DML_PROJECT);

        queryRunner.execute("DELETE FROM " + table + " AND id IN (" + ids + ")");

        assertThat(queryRunner.execute("SELECT count(*) FROM " + table + " AND id IN (" + ids + ")").getOnlyValue()).isEqualTo(0L);
        assertThat(queryRunner.execute("SELECT count(*), count(DISTINCT id) FROM " + table).getMaterializedRows().getFirst().getFields())
                .containsExactly((long) ROWS - 3, (long) ROWS - 3);
        assertThat(queryRunner.execute("SELECT count(*) FROM " + table + " AND id IN ('%s', '%s')".formatted(md5Hex("id-1"), md5Hex("id-" + (ROWS - 2)))).getOnlyValue())
                .as("the rows beside the deleted ones are kept").isEqualTo(2L);
    }

    @Test
    void aTraceIdLookupReadsOnlyTheRowGroupsThatCanHoldIt()
    {
        String trace = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND context___trace_id = '%s'".formatted(PROJECT, middleOfTheRange("trace-"));

        assertThat(queryRunner.execute(trace).getOnlyValue()).isEqualTo((long) SPANS_PER_TRACE);
        // one row group of the file, or two where the trace spans their border (a bloom filter's false positive adds one)
        assertThat(rowsRead(trace)).isBetween((long) SPANS_PER_TRACE, ROWS / 2L);
    }

    @Test
    void anIdLookupReadsOnlyTheRowGroupsThatCanHoldIt()
    {
        String row = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND id = '%s'".formatted(PROJECT, middleOfTheRange("id-"));

        assertThat(queryRunner.execute(row).getOnlyValue()).isEqualTo(1L);
        assertThat(rowsRead(row)).isBetween(1L, ROWS / 2L);
    }

    @Test
    void aValueInNoRowGroupReadsNoRow()
    {
        String absent = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND context___trace_id = 'ffffffffffffffffffffffffffffffff'".formatted(PROJECT);

        assertThat(queryRunner.execute(absent).getOnlyValue()).isEqualTo(0L);
        assertThat(rowsRead(absent)).isLessThan(ROWS / 2L);
    }

    @Test
    void aTraceIdLookupOpensOnlyTheFileThatHoldsIt()
    {
        String trace = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND context___trace_id = '%s'".formatted(FILES_PROJECT, md5Hex("file-trace-" + (2 * ROWS_PER_FILE + 50) / SPANS_PER_TRACE));

        assertThat(queryRunner.execute(trace).getOnlyValue()).isEqualTo((long) SPANS_PER_TRACE);
        assertThat(splitsScannedOnceFiltersAreLoaded(trace)).isEqualTo(1);
        assertThat(splitsScanned("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(FILES_PROJECT))).isEqualTo(FILES);
    }

    @Test
    void anIdLookupOpensOnlyTheFileThatHoldsIt()
    {
        String ids = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND id IN ('%s', '%s')".formatted(FILES_PROJECT, md5Hex("file-id-3"), md5Hex("file-id-" + (4 * ROWS_PER_FILE + 9)));

        assertThat(queryRunner.execute(ids).getOnlyValue()).isEqualTo(2L);
        assertThat(splitsScannedOnceFiltersAreLoaded(ids)).isEqualTo(2);
    }

    @Test
    void aTraceLookupSortsItsSpansInTheScansStage()
    {
        String spans = "SELECT id, \"timestamp\" FROM otel_logs_and_spans WHERE project_id = '%s' AND context___trace_id = '%s' ORDER BY \"timestamp\", id"
                .formatted(FILES_PROJECT, md5Hex("file-trace-" + (2 * ROWS_PER_FILE + 50) / SPANS_PER_TRACE));
        Session sortOnOneNode = Session.builder(queryRunner.getDefaultSession()).setSystemProperty("distributed_sort", "false").build();

        assertThat(queryRunner.execute(sortOnOneNode, spans).getRowCount()).isEqualTo(SPANS_PER_TRACE);
        // a lookup reads the few files its bloom filters admit on one node: no stage of its own for the sort
        assertThat((String) queryRunner.execute(sortOnOneNode, "EXPLAIN (TYPE DISTRIBUTED) " + spans).getOnlyValue())
                .contains("Fragment 0 [timefusion:INSTANCE]").doesNotContain("Fragment 1");
    }

    @Test
    void aLookupOfAnAbsentTraceIdOpensNoFile()
    {
        String absent = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND context___trace_id = '%s'".formatted(FILES_PROJECT, md5Hex("no-such-trace"));

        assertThat(queryRunner.execute(absent).getOnlyValue()).isEqualTo(0L);
        assertThat(rowsRead(absent)).isZero();
        // a scan without splits still counts one driver: the same as for a project without files
        assertThat(splitsScannedOnceFiltersAreLoaded(absent)).isEqualTo(splitsScanned("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'nobody'"));
    }

    private void insertOneFileOfSeveralRowGroups(String project)
    {
        // ids and trace ids random, as they are in practice (an MD5 each): their min/max rule no row group out
        queryRunner.execute("""
                INSERT INTO otel_logs_and_spans (timestamp, id, project_id, date, context___trace_id, name)
                SELECT date_add('millisecond', n * %d, TIMESTAMP '%s 00:00:00.000000 UTC'), lower(to_hex(md5(to_utf8('id-' || CAST(n AS varchar))))), '%s',
                       DATE '%s', lower(to_hex(md5(to_utf8('trace-' || CAST(n / %d AS varchar))))), 'GET /api/v1/items/' || CAST(n %% 300 AS varchar)
                FROM (SELECT hundreds * 100 + units AS n FROM UNNEST(sequence(0, %d)) AS a(hundreds) CROSS JOIN UNNEST(sequence(0, 99)) AS b(units))
                """.formatted(3_600_000 / ROWS_PER_HOUR, DAY, project, DAY, SPANS_PER_TRACE, ROWS / 100 - 1));
    }

    /**
     * The splits of a lookup once the coordinator holds the files' bloom filters: the first lookup of a file reads
     * it and loads them in the background, so the lookup is repeated until the count stops falling (at most 30 s).
     */
    private long splitsScannedOnceFiltersAreLoaded(String sql)
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long splits = splitsScanned(sql);
        while (System.nanoTime() < deadline) {
            sleepUninterruptibly(200, TimeUnit.MILLISECONDS);
            long again = splitsScanned(sql);
            if (again == splits && splits < FILES) {
                return splits;
            }
            splits = again;
        }
        return splits;
    }

    private long splitsScanned(String sql)
    {
        return QueryStatistics.splitsScanned(queryRunner, queryRunner.executeWithPlan(queryRunner.getDefaultSession(), sql).queryId());
    }

    /** Rows the table scans took from the connector, after it skipped files and row groups. */
    private long rowsRead(String sql)
    {
        MaterializedResultWithPlan result = queryRunner.executeWithPlan(queryRunner.getDefaultSession(), sql);
        return QueryStatistics.rowsRead(queryRunner, result.queryId());
    }

    /** The first value of the prefix's series that starts with 8, in the middle of every row group's min/max. */
    private static String middleOfTheRange(String prefix)
    {
        for (int n = 0; ; n++) {
            String value = md5Hex(prefix + n);
            if (value.startsWith("8")) {
                return value;
            }
        }
    }

    private static String md5Hex(String text)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

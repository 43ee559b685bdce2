package io.timefusion.trino;

import io.timefusion.testing.TableFiles;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.ingest.TestingBatchEncoder;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.trino.testing.DistributedQueryRunner;
import io.trino.type.JsonType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An INSERT writes each data file newest timestamp first, whether its rows arrive in that order already (as the
 * gateway's flushes send them, written page by page) or in any other (copied into that order), and stores NULL
 * {@code hashes} and {@code summary} (here never sent, so NULL in every row) as empty arrays either way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestDataFileOrder
{
    private static final int ROWS = 5_000;
    private static final String DAY = "2025-03-01";

    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;
    private TableFiles files;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                .build();
        files = new TableFiles(dataDirectory);
    }

    @AfterAll
    void stopTrino()
    {
        files.close();
        queryRunner.close();
    }

    @Test
    void rowsSentNewestFirstAreWrittenNewestFirst()
            throws IOException
    {
        insert("p-newest-first", ROWS - 1, -1);

        assertWrittenNewestFirst("p-newest-first");
    }

    @Test
    void rowsSentOldestFirstAreWrittenNewestFirst()
            throws IOException
    {
        insert("p-oldest-first", 0, 1);

        assertWrittenNewestFirst("p-oldest-first");
    }

    /** {@code ROWS} rows a second apart, row {@code first + i * step} i-th; every third has NULL hashes. */
    private void insert(String project, int first, int step)
    {
        Instant start = Instant.parse(DAY + "T00:00:00Z");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            int n = first + i * step;
            Map<String, Object> row = new HashMap<>();
            row.put("timestamp", start.plusSeconds(n));
            row.put("id", Integer.toString(n, 36));
            row.put("project_id", project);
            row.put("hashes", n % 3 == 0 ? null : List.of("h" + n));
            rows.add(row);
        }
        String batch = new TestingBatchEncoder(new OtelLogsAndSpansTable(JsonType.JSON)).encodeBase64(List.of("timestamp", "id", "project_id", "hashes"), rows);
        queryRunner.execute("INSERT INTO otel_logs_and_spans SELECT * FROM TABLE(timefusion.system.ingest_batch(batch => '%s'))".formatted(batch));
    }

    private void assertWrittenNewestFirst(String project)
            throws IOException
    {
        List<AddFile> written = files.liveFiles(project, DAY);
        assertThat(written).hasSize(1);
        List<Long> timestamps = files.timestampsInFileOrder(written.getFirst().path());
        assertThat(timestamps).hasSize(ROWS).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(queryRunner.execute("""
                SELECT count(*) FILTER (WHERE cardinality(hashes) = 0), count(*) FILTER (WHERE hashes = ARRAY['h' || id_n]), count(*) FILTER (WHERE hashes IS NULL),
                       count(*) FILTER (WHERE cardinality(summary) = 0)
                FROM (SELECT hashes, summary, CAST(from_base(id, 36) AS varchar) AS id_n FROM otel_logs_and_spans WHERE project_id = '%s')
                """.formatted(project)).getMaterializedRows().getFirst().getFields())
                .containsExactly((long) (ROWS + 2) / 3, (long) ROWS - (ROWS + 2) / 3, 0L, (long) ROWS);
    }
}

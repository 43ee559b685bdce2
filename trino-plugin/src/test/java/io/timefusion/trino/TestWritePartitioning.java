package io.timefusion.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.timefusion.trino.ingest.TestingBatchEncoder;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.trino.Session;
import io.trino.testing.DistributedQueryRunner;
import io.trino.type.JsonType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One INSERT writes one data file per (project_id, date), however many writers Trino runs: the connector's insert layout
 * routes each partition to exactly one writer and refuses several writers per partition (which writer scaling would
 * otherwise use to spread a skewed partition).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestWritePartitioning
{
    private static final int ROWS = 24_000;

    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withWorkers(1)
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                .build();
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void aBatchSpreadOverSeveralWritersCommitsExactlyOneFilePerPartition()
            throws IOException
    {
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        for (int i = 0; i < ROWS; i++) {
            // 3 projects x 3 UTC days, interleaved so that every page of the batch holds every partition
            rows.add(Map.of(
                    "timestamp", start.plusSeconds((i % 3) * 86_400L + i),
                    // short values: the batch travels inside the statement, whose length Trino caps at 1,000,000 characters
                    "id", Integer.toString(i, 36),
                    "project_id", "p" + (i / 3 % 3)));
        }
        String batch = new TestingBatchEncoder(new OtelLogsAndSpansTable(JsonType.JSON)).encodeBase64(List.of("timestamp", "id", "project_id"), rows);
        Session manyWriters = Session.builder(queryRunner.getDefaultSession())
                .setSystemProperty("task_min_writer_count", "4")
                .setSystemProperty("task_max_writer_count", "4")
                .setSystemProperty("scale_writers", "true")
                .setSystemProperty("task_scale_writers_enabled", "true")
                // the layout must hold without the engine's preference for it too
                .setSystemProperty("use_preferred_write_partitioning", "false")
                .build();

        queryRunner.execute(manyWriters, "INSERT INTO otel_logs_and_spans SELECT * FROM TABLE(timefusion.system.ingest_batch(batch => '%s'))".formatted(batch));

        List<String> partitionsOfAddedFiles = addedFilePartitions();
        assertThat(partitionsOfAddedFiles.stream().collect(groupingBy(partition -> partition, counting())))
                .hasSize(9)
                .allSatisfy((partition, files) -> assertThat(files).as(partition).isEqualTo(1L));
        assertThat(queryRunner.execute("SELECT count(*), count(DISTINCT id) FROM otel_logs_and_spans").getMaterializedRows().getFirst().getFields())
                .containsExactly((long) ROWS, (long) ROWS);
    }

    private static List<String> addedFilePartitions()
            throws IOException
    {
        Path log = dataDirectory.resolve("timefusion/otel_logs_and_spans/_delta_log");
        assertThat(log.resolve("%020d.json".formatted(1))).doesNotExist();
        ObjectMapper mapper = new ObjectMapper();
        List<String> partitions = new ArrayList<>();
        for (String line : Files.readAllLines(log.resolve("%020d.json".formatted(0)))) {
            JsonNode add = mapper.readTree(line).path("add");
            if (!add.isMissingNode()) {
                partitions.add(add.path("partitionValues").path("project_id").asText() + "/" + add.path("partitionValues").path("date").asText());
            }
        }
        return partitions;
    }
}

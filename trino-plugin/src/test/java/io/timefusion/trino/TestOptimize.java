package io.timefusion.trino;

import com.fasterxml.jackson.databind.JsonNode;
import io.timefusion.testing.GeneratedRows;
import io.timefusion.testing.TableFiles;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.FileTags;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ALTER TABLE otel_logs_and_spans EXECUTE optimize: small files of a partition become few sorted files at the target
 * size with the same rows, duplicates of (timestamp, id) within a project become the last written row, concurrent
 * appends survive, and concurrent optimizes never lose or duplicate a row. Each test works on its own project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestOptimize
{
    private static final long TARGET_FILE_BYTES = 64 * 1024;
    private static final String DAY = "2026-03-01";

    @TempDir
    static Path dataDirectory;
    @TempDir
    static Path spillingDataDirectory;

    private DistributedQueryRunner queryRunner;
    private TableFiles files;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                .withConnectorProperties(Map.of("timefusion.target-file-size", TARGET_FILE_BYTES + "B"))
                .build();
        // the smallest sort buffer: OPTIMIZE of a few thousand rows spills sorted runs and merges them
        queryRunner.createCatalog("spilling", "timefusion", Map.of(
                "timefusion.data-dir", spillingDataDirectory.toString(),
                "timefusion.target-file-size", TARGET_FILE_BYTES + "B",
                "timefusion.optimize.sort-buffer-size", "1MB"));
        files = new TableFiles(dataDirectory);
    }

    @AfterAll
    void stopTrino()
    {
        files.close();
        queryRunner.close();
    }

    @Test
    void smallAppendsBecomeFewSortedFilesAtTheTargetSizeWithTheSameRows()
            throws IOException
    {
        // integration-tests' TestDeltaKernelReadsMaintainedTable does the same with 200 appends and Delta Kernel as the reader
        String project = "p-compacted";
        for (int append = 0; append < 40; append++) {
            insertGenerated("timefusion", project, append, 150);
        }
        assertThat(files.liveFiles(project, DAY)).hasSize(40);
        MaterializedRow before = checksums("timefusion", project);

        optimize("timefusion", project);

        List<AddFile> optimized = files.liveFiles(project, DAY);
        long partitionBytes = optimized.stream().mapToLong(AddFile::size).sum();
        assertThat(optimized.size()).isBetween(2, (int) Math.ceilDiv(partitionBytes, TARGET_FILE_BYTES));
        assertThat(checksums("timefusion", project)).isEqualTo(before);
        for (AddFile file : optimized) {
            assertThat(files.timestampsInFileOrder(file.path())).as(file.path()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(file.dataChange()).isFalse();
            assertThat(FileTags.isSortedByTimestampDescending(file)).isTrue();
        }
        // every appended file was removed in the same commit that added the new ones
        long version = files.snapshot().version();
        List<JsonNode> commit = files.commit(version);
        assertThat(commit.stream().filter(action -> action.has("remove")).count()).isEqualTo(40);
        assertThat(commit.stream().filter(action -> action.has("add")).count()).isEqualTo(optimized.size());
        assertThat(commit.getFirst().path("commitInfo").path("operation").asText()).isEqualTo("OPTIMIZE");
    }

    @Test
    void aPartitionLargerThanTheSortBufferIsSortedInSpilledRunsWithTheSameRows()
            throws IOException
    {
        String project = "p-spilled";
        for (int append = 0; append < 20; append++) {
            insertGenerated("spilling", project, append, 500);
        }
        MaterializedRow before = checksums("spilling", project);

        optimize("spilling", project);

        assertThat(checksums("spilling", project)).isEqualTo(before);
        try (TableFiles spilled = new TableFiles(spillingDataDirectory)) {
            List<AddFile> optimized = spilled.liveFiles(project, DAY);
            assertThat(optimized.size()).isLessThan(20);
            for (AddFile file : optimized) {
                assertThat(spilled.timestampsInFileOrder(file.path())).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            }
        }
    }

    @Test
    void aRowWrittenTwiceIsOneRowAfterOptimizeAndTheLastWrittenWins()
    {
        String project = "p-duplicates";
        String other = "p-duplicates-elsewhere";
        insertRow(project, "2026-03-01 10:00:00.000001", "twice", "{\"attempt\":1}");
        insertRow(project, "2026-03-01 11:00:00", "unique", "{\"attempt\":1}");
        insertRow(project, "2026-03-01 10:00:00.000001", "twice", "{\"attempt\":2}");
        // the same (timestamp, id) with another timestamp or in another project is another row
        insertRow(project, "2026-03-01 10:00:00.000002", "twice", "{\"attempt\":3}");
        insertRow(other, "2026-03-01 10:00:00.000001", "twice", "{\"attempt\":4}");
        // a duplicate inside one statement: its later row is the last written
        queryRunner.execute("""
                INSERT INTO otel_logs_and_spans (timestamp, id, project_id, body, date) VALUES
                  (TIMESTAMP '2026-03-01 12:00:00 UTC', 'in-one-statement', '%1$s', JSON '{"attempt":5}', DATE '%2$s'),
                  (TIMESTAMP '2026-03-01 12:00:00 UTC', 'in-one-statement', '%1$s', JSON '{"attempt":6}', DATE '%2$s')
                """.formatted(project, DAY));

        optimize("timefusion", project);

        assertThat(rows("SELECT id, CAST(timestamp AS varchar), json_format(body) FROM otel_logs_and_spans WHERE project_id = '%s' ORDER BY timestamp, id".formatted(project)))
                .containsExactly(
                        List.of("twice", "2026-03-01 10:00:00.000001 UTC", "{\"attempt\":2}"),
                        List.of("twice", "2026-03-01 10:00:00.000002 UTC", "{\"attempt\":3}"),
                        List.of("unique", "2026-03-01 11:00:00.000000 UTC", "{\"attempt\":1}"),
                        List.of("in-one-statement", "2026-03-01 12:00:00.000000 UTC", "{\"attempt\":6}"));
        assertThat(rows("SELECT id, json_format(body) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(other)))
                .containsExactly(List.of("twice", "{\"attempt\":4}"));
        assertThat(rows("SELECT duplicates_removed, rows_written FROM system.maintenance_runs WHERE operation = 'optimize' AND project_id = '%s'".formatted(project)))
                .containsExactly(List.of(2L, 4L));
    }

    @Test
    void aDuplicateOfARowOptimizedBeforeIsResolvedByWriteOrderNotByFileAge()
    {
        String project = "p-duplicates-across-optimizes";
        insertRow(project, "2026-03-01 09:00:00", "late", "{\"attempt\":1}");
        insertRow(project, "2026-03-01 09:30:00", "filler", "{}");
        optimize("timefusion", project);
        insertRow(project, "2026-03-01 09:00:00", "late", "{\"attempt\":2}");
        insertRow(project, "2026-03-01 09:45:00", "filler-2", "{}");

        optimize("timefusion", project);

        assertThat(rows("SELECT json_format(body) FROM otel_logs_and_spans WHERE project_id = '%s' AND id = 'late'".formatted(project)))
                .containsExactly(List.of("{\"attempt\":2}"));
    }

    @Test
    void appendsCommittedWhileOptimizeRunsAllSurvive()
            throws Exception
    {
        String project = "p-concurrent-appends";
        for (int attempt = 0; ; attempt++) {
            for (int append = 0; append < 40; append++) {
                insertGenerated("timefusion", project, attempt * 100 + append, 20);
            }
            long before = count(project);
            AtomicBoolean optimizing = new AtomicBoolean(true);
            ExecutorService appender = Executors.newSingleThreadExecutor();
            try {
                int base = attempt * 100 + 50;
                Future<Integer> appended = appender.submit(() -> {
                    int rows = 0;
                    for (int append = 0; optimizing.get() || append == 0; append++) {
                        insertGenerated("timefusion", project, base + append, 3);
                        rows += 3;
                    }
                    return rows;
                });
                optimize("timefusion", project);
                optimizing.set(false);
                long expected = before + appended.get();

                assertThat(count(project)).isEqualTo(expected);
                long version = (Long) queryRunner.execute("SELECT max(version) FROM system.maintenance_runs WHERE operation = 'optimize' AND project_id = '%s'".formatted(project)).getOnlyValue();
                long readVersion = files.commit(version).getFirst().path("commitInfo").path("readVersion").asLong();
                if (version > readVersion + 1) {
                    // appends landed between the snapshot the optimize read and its commit, and all are there
                    return;
                }
                assertThat(attempt).as("no append committed while OPTIMIZE ran in five attempts").isLessThan(4);
            }
            finally {
                appender.shutdownNow();
            }
        }
    }

    @Test
    void twoOptimizesOfTheSamePartitionAtOnceNeverLoseOrDuplicateARow()
            throws Exception
    {
        String project = "p-racing-optimizes";
        for (int append = 0; append < 60; append++) {
            insertGenerated("timefusion", project, append, 10);
        }
        MaterializedRow before = checksums("timefusion", project);

        List<CompletableFuture<Void>> optimizes = List.of(
                CompletableFuture.runAsync(() -> optimize("timefusion", project)),
                CompletableFuture.runAsync(() -> optimize("timefusion", project)));
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> optimize : optimizes) {
            try {
                optimize.join();
            }
            catch (RuntimeException e) {
                failures.add(e.getCause());
            }
        }

        assertThat(failures).allSatisfy(failure -> assertThat(failure).hasMessageContaining("conflicts with a concurrent commit").hasMessageContaining("nothing was committed"));
        assertThat(checksums("timefusion", project)).isEqualTo(before);
        // the loser's files were deleted: on disk only live files and the files the winner removed
        List<String> live = files.liveFiles(project, DAY).stream().map(file -> files.path(file.path()).getFileName().toString()).toList();
        try (Stream<Path> onDisk = Files.list(files.partitionDirectory(project, DAY))) {
            assertThat(onDisk.map(path -> path.getFileName().toString()).collect(Collectors.toSet()))
                    .containsAll(live)
                    .hasSize(live.size() + 60);
        }
    }

    @Test
    void optimizeRewritesOnlyThePartitionsItsWhereClauseNames()
    {
        String project = "p-where";
        for (int append = 0; append < 3; append++) {
            insertRow(project, "2026-03-01 08:00:0" + append, "kept-" + append, "{}");
            insertRow(project, "2026-03-02 08:00:0" + append, "other-day-" + append, "{}");
        }

        optimize("timefusion", project);

        assertThat(files.liveFiles(project, DAY)).hasSize(1);
        assertThat(files.liveFiles(project, "2026-03-02")).hasSize(3);
    }

    @Test
    void aWhereClauseOnOtherColumnsAndAZeroThresholdAreRefused()
    {
        assertThatThrownBy(() -> queryRunner.execute(TimeFusionQueryRunner.adminSession(), "ALTER TABLE otel_logs_and_spans EXECUTE optimize WHERE level = 'ERROR'"))
                .hasMessageContaining("WHERE");
        assertThatThrownBy(() -> queryRunner.execute(TimeFusionQueryRunner.adminSession(), "ALTER TABLE otel_logs_and_spans EXECUTE optimize(file_size_threshold => '0B')"))
                .hasMessageContaining("file_size_threshold must be greater than 0");
    }

    private void optimize(String catalog, String project)
    {
        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "ALTER TABLE %s.public.otel_logs_and_spans EXECUTE optimize(file_size_threshold => '10MB') WHERE project_id = '%s' AND date = DATE '%s'"
                .formatted(catalog, project, DAY));
    }

    /** {@code rows} generated rows of the partition, spread over the whole day so that appends interleave in time. */
    private void insertGenerated(String catalog, String project, int append, int rows)
    {
        queryRunner.execute(GeneratedRows.insert(catalog, project, DAY, append, rows));
    }

    private void insertRow(String project, String timestamp, String id, String body)
    {
        queryRunner.execute("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, body, date) VALUES (TIMESTAMP '%s UTC', '%s', '%s', JSON '%s', DATE '%s')"
                .formatted(timestamp, id, project, body, timestamp.substring(0, 10)));
    }

    /** The row count and a checksum of every column of the project's rows. */
    private MaterializedRow checksums(String catalog, String project)
    {
        List<String> aggregates = new ArrayList<>(List.of("count(*)"));
        for (MaterializedRow column : queryRunner.execute("SELECT column_name, data_type FROM %s.information_schema.columns WHERE table_name = 'otel_logs_and_spans' ORDER BY ordinal_position".formatted(catalog)).getMaterializedRows()) {
            String name = "\"" + column.getField(0) + "\"";
            aggregates.add(column.getField(1).equals("json") ? "checksum(json_format(%s))".formatted(name) : "checksum(%s)".formatted(name));
        }
        return queryRunner.execute("SELECT %s FROM %s.public.otel_logs_and_spans WHERE project_id = '%s'".formatted(String.join(", ", aggregates), catalog, project)).getMaterializedRows().getFirst();
    }

    private long count(String project)
    {
        return (Long) queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project)).getOnlyValue();
    }

    private List<List<Object>> rows(String sql)
    {
        MaterializedResult result = queryRunner.execute(sql);
        return result.getMaterializedRows().stream().map(MaterializedRow::getFields).toList();
    }
}

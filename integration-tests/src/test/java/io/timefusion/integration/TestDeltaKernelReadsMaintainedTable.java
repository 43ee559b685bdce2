package io.timefusion.integration;

import io.airlift.slice.Slices;
import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.testing.GeneratedRows;
import io.timefusion.testing.TableFiles;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaCommitter;
import io.timefusion.trino.delta.DeltaLogCleanup;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.timefusion.trino.write.PartitionKey;
import io.timefusion.trino.write.StreamingDataFile;
import io.trino.spi.PageBuilder;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedRow;
import io.trino.type.JsonType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Maintenance keeps the table a promise to other readers: after OPTIMIZE Delta Kernel reads exactly Trino's rows, a
 * version before it stays readable after VACUUM, and after a long history and log cleanup Kernel time-travels inside
 * the retention and refuses versions before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestDeltaKernelReadsMaintainedTable
{
    private static final long TARGET_FILE_BYTES = 128 * 1024;
    private static final String PROJECT = "k-compacted";
    private static final String DAY = "2026-03-01";

    @TempDir
    static Path dataDirectory;
    @TempDir
    static Path historyDirectory;

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
        files = new TableFiles(dataDirectory);
    }

    @AfterAll
    void stopTrino()
    {
        files.close();
        queryRunner.close();
    }

    @Test
    void twoHundredSmallAppendsBecomeFewSortedFilesWithTheSameRowsThatKernelReadsExactly()
            throws IOException
    {
        for (int append = 0; append < 200; append++) {
            insertGenerated(append, 50);
        }
        long versionBefore = files.snapshot().version();
        MaterializedRow checksumsBefore = checksums();
        List<Map<String, Object>> rowsBefore = VerifierRows.byId(VerifierRows.of(queryRunner.execute(
                "SELECT * FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(PROJECT))));

        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "ALTER TABLE otel_logs_and_spans EXECUTE optimize WHERE project_id = '%s' AND date = DATE '%s'".formatted(PROJECT, DAY));

        List<AddFile> optimized = files.liveFiles(PROJECT, DAY);
        long partitionBytes = optimized.stream().mapToLong(AddFile::size).sum();
        assertThat(optimized.size()).isLessThanOrEqualTo((int) Math.ceilDiv(partitionBytes, TARGET_FILE_BYTES)).isLessThan(200);
        assertThat(checksums()).isEqualTo(checksumsBefore);
        for (AddFile file : optimized) {
            assertThat(files.timestampsInFileOrder(file.path())).as(file.path()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
        // version 200 holds the rewrite and, with checkpoints every 10 versions, a checkpoint with its 200 tombstones
        assertThat(VerifierRows.byId(DeltaKernel.readRows(dataDirectory.resolve("timefusion/otel_logs_and_spans")))).isEqualTo(rowsBefore);

        // a reader of the version before the rewrite, inside the retention, reads it still after VACUUM
        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL system.vacuum('public', 'otel_logs_and_spans', '7d')");
        assertThat(VerifierRows.byId(DeltaKernel.readRowsAtVersion(dataDirectory.resolve("timefusion/otel_logs_and_spans"), versionBefore))).isEqualTo(rowsBefore);
    }

    @Test
    void afterAThousandCommitsAndLogCleanupKernelTimeTravelsInsideTheRetentionAndIsRefusedBeforeIt()
            throws IOException
    {
        TimeFusionConfig config = new TimeFusionConfig().setDataDirectory(historyDirectory.toString());
        FileSystems fileSystems = new FileSystems(OpenTelemetry.noop());
        try {
            TableStorage table = new DefaultTableStorage(config).get();
            OtelLogsAndSpansTable tableDefinition = new OtelLogsAndSpansTable(JsonType.JSON);
            DeltaCommitter committer = new DeltaCommitter(fileSystems, new DeltaSnapshots(fileSystems, config), tableDefinition, config);
            Instant historyStart = Instant.parse("2026-01-01T00:00:00Z");
            for (int version = 0; version < 1000; version++) {
                committer.commitAppend(table, List.of(oneRowFile(fileSystems, table, tableDefinition, version)), "history-" + version, Optional.empty());
            }
            Path log = historyDirectory.resolve(table.deltaLog().path());
            try (Stream<Path> logFiles = Files.list(log)) {
                for (Path file : logFiles.toList()) {
                    Optional<DeltaLogFiles.VersionedFile> parsed = DeltaLogFiles.parse(file.getFileName().toString());
                    if (parsed.isPresent()) {
                        Files.setLastModifiedTime(file, FileTime.from(historyStart.plusSeconds(parsed.get().version())));
                    }
                }
            }

            // the retention ends 955 s into the history: the log keeps the checkpoint of version 950 and what follows
            DeltaLogCleanup.clean(fileSystems.fileSystem(table.backend()), table, historyStart.plusSeconds(955));

            Path tableDirectory = historyDirectory.resolve(table.tableRoot().path());
            assertThat(DeltaKernel.readRows(tableDirectory)).hasSize(1000);
            assertThat(DeltaKernel.readRowsAtVersion(tableDirectory, 960)).hasSize(961);
            assertThat(DeltaKernel.readRowsAtVersion(tableDirectory, 950)).hasSize(951);
            assertThatThrownBy(() -> DeltaKernel.readRowsAtVersion(tableDirectory, 100))
                    .hasMessageContaining("Cannot load table version 100")
                    .hasMessageContaining("The earliest available version is 950");
        }
        finally {
            fileSystems.close();
        }
        queryRunner.createCatalog("history", "timefusion", Map.of("timefusion.data-dir", historyDirectory.toString()));
        assertThat(queryRunner.execute("SELECT count(*) FROM history.public.otel_logs_and_spans").getOnlyValue()).isEqualTo(1000L);
        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM history.public.otel_logs_and_spans FOR VERSION AS OF 960"))
                .hasMessageContaining("does not support time travel");
    }

    /** A data file with one row, written as the connector writes, for a history built without Trino's per-statement cost. */
    private static AddFile oneRowFile(FileSystems fileSystems, TableStorage table, OtelLogsAndSpansTable tableDefinition, int number)
            throws IOException
    {
        List<TableColumn> columns = tableDefinition.dataColumns();
        PageBuilder page = new PageBuilder(columns.stream().map(TableColumn::type).toList());
        page.declarePosition();
        for (int channel = 0; channel < columns.size(); channel++) {
            switch (columns.get(channel).name()) {
                case "timestamp" -> columns.get(channel).type().writeObject(page.getBlockBuilder(channel),
                        LongTimestampWithTimeZone.fromEpochMillisAndFraction(1_767_225_600_000L + number, 0, UTC_KEY));
                case "id" -> VARCHAR.writeSlice(page.getBlockBuilder(channel), Slices.utf8Slice("history-" + number));
                default -> page.getBlockBuilder(channel).appendNull();
            }
        }
        StreamingDataFile file = StreamingDataFile.create(fileSystems.fileSystem(table.backend()), table.tableRoot(), new PartitionKey("history", 20_454), tableDefinition, TARGET_FILE_BYTES);
        file.append(page.build());
        return file.finish();
    }

    private void insertGenerated(int append, int rows)
    {
        queryRunner.execute(GeneratedRows.insert("timefusion", PROJECT, DAY, append, rows));
    }

    /** The row count and a checksum of every column of the project's rows. */
    private MaterializedRow checksums()
    {
        List<String> aggregates = new ArrayList<>(List.of("count(*)"));
        for (MaterializedRow column : queryRunner.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'otel_logs_and_spans' ORDER BY ordinal_position").getMaterializedRows()) {
            String name = "\"" + column.getField(0) + "\"";
            aggregates.add(column.getField(1).equals("json") ? "checksum(json_format(%s))".formatted(name) : "checksum(%s)".formatted(name));
        }
        return queryRunner.execute("SELECT %s FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(String.join(", ", aggregates), PROJECT)).getMaterializedRows().getFirst();
    }
}

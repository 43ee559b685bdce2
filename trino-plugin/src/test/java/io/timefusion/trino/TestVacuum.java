package io.timefusion.trino;

import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.testing.TableFiles;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.maintenance.Vacuum;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.trino.Session;
import io.trino.testing.DistributedQueryRunner;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.timefusion.contract.SessionProperties.INGEST_TXN_APP_ID;
import static io.timefusion.contract.SessionProperties.INGEST_TXN_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CALL timefusion.system.vacuum: orphans older than the retention go, younger ones and every file a version inside the
 * retention needs stay; a retention below the minimum is refused. Each test works on its own project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestVacuum
{
    private static final String DAY = "2026-04-01";

    @TempDir
    static Path dataDirectory;

    private DistributedQueryRunner queryRunner;
    private TableFiles files;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder().withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory)).build();
        files = new TableFiles(dataDirectory);
    }

    @AfterAll
    void stopTrino()
    {
        files.close();
        queryRunner.close();
    }

    @Test
    void anOrphanOlderThanTheRetentionIsDeletedAYoungerOneStaysAndEveryReferencedFileStays()
            throws IOException
    {
        String project = "v-orphans";
        for (int i = 0; i < 3; i++) {
            insertRow(project, "row-" + i);
        }
        Path partition = files.partitionDirectory(project, DAY);
        Path someFile = files.path(files.liveFiles(project, DAY).getFirst().path());
        Path oldOrphan = Files.copy(someFile, partition.resolve("part-orphan-old.zstd.parquet"));
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(8, ChronoUnit.DAYS)));
        Path youngOrphan = Files.copy(someFile, partition.resolve("part-orphan-young.zstd.parquet"));
        Files.setLastModifiedTime(youngOrphan, FileTime.from(Instant.now().minus(6, ChronoUnit.DAYS)));
        // a file written long ago that is still live must stay
        Path oldLiveFile = files.path(files.liveFiles(project, DAY).getLast().path());
        Files.setLastModifiedTime(oldLiveFile, FileTime.from(Instant.now().minus(30, ChronoUnit.DAYS)));

        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL system.vacuum('public', 'otel_logs_and_spans', '7d')");

        assertThat(oldOrphan).doesNotExist();
        assertThat(youngOrphan).exists();
        assertThat(files.liveFiles(project, DAY)).allSatisfy(file -> assertThat(files.path(file.path())).exists());
        assertThat(count(project)).isEqualTo(3);
        assertThat(queryRunner.execute("SELECT files_removed FROM system.maintenance_runs WHERE operation = 'vacuum' ORDER BY finished_at DESC LIMIT 1").getOnlyValue()).isEqualTo(1L);
    }

    @Test
    void aReaderOfTheVersionBeforeAnOptimizeStillReadsItsFilesAfterVacuum()
            throws IOException
    {
        String project = "v-old-snapshot";
        for (int i = 0; i < 4; i++) {
            insertRow(project, "row-" + i);
        }
        List<AddFile> before = files.liveFiles(project, DAY);
        // the files were written long ago; what protects them now is that OPTIMIZE removed them only a moment ago
        for (AddFile file : before) {
            Files.setLastModifiedTime(files.path(file.path()), FileTime.from(Instant.now().minus(30, ChronoUnit.DAYS)));
        }
        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "ALTER TABLE otel_logs_and_spans EXECUTE optimize WHERE project_id = '%s'".formatted(project));
        assertThat(files.liveFiles(project, DAY)).hasSize(1);

        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL system.vacuum('public', 'otel_logs_and_spans', '7d')");

        long rows = 0;
        for (AddFile file : before) {
            rows += files.timestampsInFileOrder(file.path()).size();
        }
        assertThat(rows).isEqualTo(4);
    }

    @Test
    void filesRemovedBeforeTheCutoffAndOrphansOfReplayedBatchesAreDeleted()
            throws IOException
    {
        String project = "v-expired";
        insertRow(project, "row-0");
        insertRow(project, "row-1");
        Session replayed = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("timefusion", INGEST_TXN_APP_ID, "gateway-vacuum")
                .setCatalogSessionProperty("timefusion", INGEST_TXN_VERSION, "1")
                .build();
        insertRow(replayed, project, "batch");
        // the replay of a committed batch writes its file again and commits nothing: an orphan
        insertRow(replayed, project, "batch");
        Set<String> removedByOptimize = fileNames(files.liveFiles(project, DAY));
        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "ALTER TABLE otel_logs_and_spans EXECUTE optimize WHERE project_id = '%s'".formatted(project));
        Set<String> live = fileNames(files.liveFiles(project, DAY));
        assertThat(filesOnDisk(project)).hasSize(removedByOptimize.size() + live.size() + 1);

        // as VACUUM with a retention of one minute would see the table a minute from now
        try (ClosingFileSystems fileSystems = new ClosingFileSystems()) {
            TimeFusionConfig config = new TimeFusionConfig().setDataDirectory(dataDirectory.toString());
            new Vacuum(fileSystems, new DeltaSnapshots(fileSystems, config)).vacuum(new DefaultTableStorage(config).get(), Instant.now().plus(1, ChronoUnit.MINUTES));
        }

        assertThat(filesOnDisk(project)).isEqualTo(live);
        assertThat(count(project)).isEqualTo(3);
    }

    @Test
    void aRetentionBelowTheMinimumABadRetentionAndAnotherTableAreRefused()
    {
        assertThatThrownBy(() -> queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL system.vacuum('public', 'otel_logs_and_spans', '6d')"))
                .hasMessageContaining("Retention 6.00d is shorter than the minimum retention 7.00d (catalog property timefusion.vacuum.min-retention)");
        assertThatThrownBy(() -> queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL system.vacuum('public', 'otel_logs_and_spans', 'a week')"))
                .hasMessageContaining("retention must be a duration such as '7d' or '168h', not 'a week'");
        assertThatThrownBy(() -> queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL system.vacuum('public', 'other_table', '7d')"))
                .hasMessageContaining("Table 'public.other_table' does not exist");
    }

    @Test
    void logCleanupKeepsALogWhoseCommitsAreAllInsideTheRetention()
    {
        insertRow("v-log", "row");
        long version = files.snapshot().version();

        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL system.cleanup_log('public', 'otel_logs_and_spans')");

        assertThat(queryRunner.execute("SELECT files_removed FROM system.maintenance_runs WHERE operation = 'cleanup_log'").getOnlyValue()).isEqualTo(0L);
        assertThat(files.snapshot().version()).isEqualTo(version);
        assertThat(count("v-log")).isEqualTo(1);
    }

    private void insertRow(String project, String id)
    {
        insertRow(queryRunner.getDefaultSession(), project, id);
    }

    private void insertRow(Session session, String project, String id)
    {
        queryRunner.execute(session, "INSERT INTO otel_logs_and_spans (timestamp, id, project_id, date) VALUES (TIMESTAMP '%s 10:00:00 UTC', '%s', '%s', DATE '%s')"
                .formatted(DAY, id, project, DAY));
    }

    private long count(String project)
    {
        return (Long) queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project)).getOnlyValue();
    }

    private Set<String> filesOnDisk(String project)
            throws IOException
    {
        try (Stream<Path> listing = Files.list(files.partitionDirectory(project, DAY))) {
            return listing.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private Set<String> fileNames(List<AddFile> addFiles)
    {
        return addFiles.stream().map(file -> files.path(file.path()).getFileName().toString()).collect(Collectors.toSet());
    }

    /** FileSystems is closed explicitly by its owner; this lets a test scope one with try-with-resources. */
    private static final class ClosingFileSystems
            extends FileSystems
            implements AutoCloseable
    {
        ClosingFileSystems()
        {
            super(OpenTelemetry.noop());
        }
    }
}

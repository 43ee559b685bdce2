package io.timefusion.trino.delta;

import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.Transaction;
import io.timefusion.trino.delta.DeltaCommitter.Rewrite;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.StorageBackend;
import io.timefusion.trino.storage.TableStorage;
import io.trino.spi.TrinoException;
import io.trino.type.JsonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Log cleanup after a long history: what is deleted, what a reader then opens, and that the log stays readable
 * without {@code _last_checkpoint}.
 */
class TestDeltaLogCleanup
{
    private static final int COMMITS = 1000;
    private static final Instant HISTORY_START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dataDirectory;

    private FileSystems fileSystems;
    private DeltaSnapshots snapshots;
    private DeltaCommitter committer;
    private TableStorage table;

    @BeforeEach
    void createTable()
    {
        TimeFusionConfig config = new TimeFusionConfig().setDataDirectory(dataDirectory.toString());
        fileSystems = new FileSystems(OpenTelemetry.noop());
        snapshots = new DeltaSnapshots(fileSystems, config);
        committer = new DeltaCommitter(fileSystems, snapshots, new OtelLogsAndSpansTable(JsonType.JSON), config);
        table = new DefaultTableStorage(config).get();
    }

    @AfterEach
    void closeFileSystems()
    {
        fileSystems.close();
    }

    @Test
    void afterAThousandCommitsAndCleanupOpeningReadsOneCheckpointAndAShortTail()
            throws IOException
    {
        writeHistory();
        DeltaSnapshot expected = snapshots.latest(table);

        // every file of version v was written at HISTORY_START + v seconds; the retention ends just after version 955
        DeltaLogCleanup.Result result = DeltaLogCleanup.clean(fileSystems.fileSystem(table.backend()), table, HISTORY_START.plusSeconds(955));

        assertThat(result.truncatedBelow()).hasValue(950);
        assertThat(versionsOf(".json")).first().isEqualTo(950L);
        assertThat(versionsOf(".json")).hasSize(COMMITS - 950);
        assertThat(versionsOf(".checkpoint.parquet")).containsExactly(950L, 960L, 970L, 980L, 990L);
        // commits 0-949 and the checkpoints 0, 10, …, 940
        assertThat(result.filesDeleted()).isEqualTo(950 + 95);
        assertThat(deltaLog().resolve("_last_checkpoint")).exists();

        RecordingFileSystem reader = new RecordingFileSystem(dataDirectory);
        DeltaSnapshot opened = DeltaLogReader.load(reader, table);
        assertThat(reader.opened()).containsExactly(
                "_last_checkpoint",
                "00000000000000000990.checkpoint.parquet",
                "00000000000000000991.json", "00000000000000000992.json", "00000000000000000993.json",
                "00000000000000000994.json", "00000000000000000995.json", "00000000000000000996.json",
                "00000000000000000997.json", "00000000000000000998.json", "00000000000000000999.json",
                // the probe that finds no newer version
                "00000000000000001000.json");
        assertThat(opened.version()).isEqualTo(COMMITS - 1);
        assertThat(opened.files()).isEqualTo(expected.files());
        assertThat(opened.transactions()).isEqualTo(expected.transactions());
    }

    @Test
    void aLogThatLostItsFirstVersionsAndItsCheckpointHintStartsAtTheNewestCheckpoint()
            throws IOException
    {
        writeHistory();
        DeltaSnapshot expected = snapshots.latest(table);
        DeltaLogCleanup.clean(fileSystems.fileSystem(table.backend()), table, HISTORY_START.plusSeconds(955));
        Files.delete(deltaLog().resolve("_last_checkpoint"));

        RecordingFileSystem reader = new RecordingFileSystem(dataDirectory);
        DeltaSnapshot opened = DeltaLogReader.load(reader, table);

        assertThat(opened.version()).isEqualTo(COMMITS - 1);
        assertThat(opened.files()).isEqualTo(expected.files());
        assertThat(reader.opened()).contains("00000000000000000990.checkpoint.parquet").doesNotContain("00000000000000000950.json");
    }

    @Test
    void nothingIsDeletedWhileNoCheckpointIsOlderThanTheRetention()
            throws IOException
    {
        writeHistory();

        // only the checkpoint of version 0 is older than this retention: nothing precedes it
        DeltaLogCleanup.Result result = DeltaLogCleanup.clean(fileSystems.fileSystem(table.backend()), table, HISTORY_START.plusSeconds(9));

        assertThat(result.filesDeleted()).isZero();
        assertThat(result.truncatedBelow()).hasValue(0);
        assertThat(versionsOf(".json")).hasSize(COMMITS);
    }

    @Test
    void aLogWithoutVersionZeroAndWithoutACheckpointIsReportedAsDamaged()
            throws IOException
    {
        for (int i = 0; i < 3; i++) {
            committer.commitAppend(table, List.of(dataFile(i)), "query-" + i, Optional.empty());
        }
        // the first commit wrote a checkpoint too (version 0 is a multiple of the interval): both are lost here
        Files.delete(deltaLog().resolve("%020d.json".formatted(0)));
        Files.delete(deltaLog().resolve("%020d.checkpoint.parquet".formatted(0)));
        Files.delete(deltaLog().resolve("_last_checkpoint"));

        assertThatThrownBy(() -> DeltaLogReader.load(new RecordingFileSystem(dataDirectory), table))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("has neither version 0 nor a checkpoint to start from");
    }

    /** COMMITS versions: appends of one file each (every 7th with a txn), every 5th a rewrite of two files into one. */
    private void writeHistory()
            throws IOException
    {
        List<AddFile> live = new ArrayList<>();
        for (int version = 0; version < COMMITS; version++) {
            if (version % 5 == 4 && live.size() >= 2) {
                List<AddFile> removed = List.of(live.removeFirst(), live.removeFirst());
                AddFile merged = dataFile(version);
                committer.commitRewrite(table, new Rewrite("OPTIMIZE", version - 1, removed, List.of(merged), false, Map.of()), "optimize-" + version);
                live.add(merged);
            }
            else {
                AddFile file = dataFile(version);
                Optional<Transaction> txn = version % 7 == 0 ? Optional.of(new Transaction("gateway-a", version, null)) : Optional.empty();
                committer.commitAppend(table, List.of(file), "insert-" + version, txn);
                live.add(file);
            }
        }
        try (Stream<Path> files = Files.list(deltaLog())) {
            for (Path file : files.toList()) {
                Optional<DeltaLogFiles.VersionedFile> parsed = DeltaLogFiles.parse(file.getFileName().toString());
                if (parsed.isPresent()) {
                    Files.setLastModifiedTime(file, FileTime.from(HISTORY_START.plusSeconds(parsed.get().version())));
                }
            }
        }
    }

    private static AddFile dataFile(int number)
    {
        return new AddFile("project_id=p/date=2026-01-01/part-%05d.zstd.parquet".formatted(number), Map.of("project_id", "p", "date", "2026-01-01"),
                1000, 0, true, null, Map.of());
    }

    private Path deltaLog()
    {
        return ((StorageBackend.Local) table.backend()).root().resolve(table.deltaLog().path());
    }

    private List<Long> versionsOf(String suffix)
            throws IOException
    {
        try (Stream<Path> files = Files.list(deltaLog())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .map(name -> Long.parseLong(name.substring(0, 20)))
                    .sorted()
                    .toList();
        }
    }
}

package io.timefusion.trino.delta;

import io.timefusion.trino.delta.DeltaActions.Action;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.RemoveFile;
import io.trino.filesystem.Location;
import io.trino.filesystem.local.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a checkpoint keeps of a snapshot: live files with their tags, transactions, and only the recent tombstones. */
class TestCheckpointTombstones
{
    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = 86_400_000L;

    @TempDir
    Path directory;

    @Test
    void checkpointKeepsTombstonesInsideTheRetentionAndDropsOlderOnes()
            throws IOException
    {
        DeltaSnapshot snapshot = DeltaSnapshot.EMPTY
                .apply(0, List.of(Action.of(file("a")), Action.of(file("b")), Action.of(file("c")), Action.of(file("d"))))
                .apply(1, List.of(Action.of(new RemoveFile("a", NOW - 10 * DAY, false)), Action.of(new RemoveFile("b", NOW - DAY, false))))
                .apply(2, List.of(Action.of(new RemoveFile("c", NOW - 6 * DAY, true)), Action.of(new DeltaActions.Transaction("gateway", 17, NOW))));

        DeltaSnapshot read = roundTrip(snapshot, NOW - 7 * DAY);

        assertThat(read.tombstones().keySet()).containsExactlyInAnyOrder("b", "c");
        assertThat(read.tombstones().get("b")).isEqualTo(new RemoveFile("b", NOW - DAY, false));
        assertThat(read.files()).isEqualTo(snapshot.files());
        assertThat(read.transactions()).isEqualTo(Map.of("gateway", 17L));
    }

    @Test
    void replayingACommitRecordsItsVersionAsTheWriteVersionOfUntaggedFiles()
    {
        AddFile rewritten = file("optimized").withTag(FileTags.WRITE_VERSION, "3");
        DeltaSnapshot snapshot = DeltaSnapshot.EMPTY
                .apply(0, List.of(Action.of(file("appended"))))
                .apply(5, List.of(Action.of(rewritten)));

        assertThat(FileTags.writeVersion(snapshot.files().get("appended"))).isEqualTo(0);
        assertThat(FileTags.writeVersion(snapshot.files().get("optimized"))).as("a rewrite keeps the write version of its rows").isEqualTo(3);
    }

    @Test
    void aCheckpointOfAnotherWriterLeavesUntaggedFilesWithoutAWriteVersion()
    {
        DeltaSnapshot snapshot = DeltaSnapshot.fromCheckpoint(40, List.of(Action.of(file("foreign"))));

        assertThat(FileTags.writeVersion(snapshot.files().get("foreign"))).isEqualTo(FileTags.UNKNOWN_WRITE_VERSION);
    }

    @Test
    void writeVersionsSurviveOurCheckpoints()
            throws IOException
    {
        DeltaSnapshot snapshot = DeltaSnapshot.EMPTY.apply(0, List.of(Action.of(file("x")))).apply(9, List.of(Action.of(file("y"))));

        DeltaSnapshot read = roundTrip(snapshot, 0);

        assertThat(FileTags.writeVersion(read.files().get("x"))).isEqualTo(0);
        assertThat(FileTags.writeVersion(read.files().get("y"))).isEqualTo(9);
    }

    @Test
    void aReaddedFileIsNoLongerATombstone()
    {
        DeltaSnapshot snapshot = DeltaSnapshot.EMPTY
                .apply(0, List.of(Action.of(file("a"))))
                .apply(1, List.of(Action.of(new RemoveFile("a", NOW, false))))
                .apply(2, List.of(Action.of(file("a"))));

        assertThat(snapshot.tombstones()).isEmpty();
        assertThat(snapshot.files()).containsKey("a");
    }

    @Test
    void expiredTombstonesCanBeDroppedFromASnapshotKeptInMemory()
    {
        DeltaSnapshot snapshot = DeltaSnapshot.EMPTY
                .apply(0, List.of(Action.of(file("a")), Action.of(file("b"))))
                .apply(1, List.of(Action.of(new RemoveFile("a", NOW - 10 * DAY, false)), Action.of(new RemoveFile("b", NOW, false))));

        assertThat(snapshot.withoutTombstonesBefore(NOW - 7 * DAY).tombstones().keySet()).containsExactly("b");
    }

    private DeltaSnapshot roundTrip(DeltaSnapshot snapshot, long tombstoneCutoffMillis)
            throws IOException
    {
        Path file = directory.resolve("checkpoint.parquet");
        try (OutputStream output = Files.newOutputStream(file)) {
            CheckpointWriter.write(snapshot, tombstoneCutoffMillis, output);
        }
        return DeltaSnapshot.fromCheckpoint(snapshot.version(),
                CheckpointReader.read(new LocalFileSystem(directory).newInputFile(Location.of("local:///checkpoint.parquet"))));
    }

    private static AddFile file(String path)
    {
        return new AddFile(path, Map.of("project_id", "p", "date", "2026-01-01"), 100, NOW, true, "{\"numRecords\":1}",
                Map.of(FileTags.SORTED_BY, FileTags.TIMESTAMP_DESCENDING));
    }
}

package io.timefusion.trino.delta;

import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.Transaction;
import io.timefusion.trino.delta.DeltaCommitter.Rewrite;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.spi.TrinoException;
import io.trino.type.JsonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_REWRITE_CONFLICT;
import static io.trino.spi.StandardErrorCode.TRANSACTION_CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a rewrite (the commit of OPTIMIZE, UPDATE, DELETE or MERGE) meets concurrent commits: appends never stop it,
 * another rewrite of its files does, so that no change of rows is ever lost.
 */
class TestDeltaCommitterRewrites
{
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
    void aRewriteReadBeforeConcurrentAppendsCommitsAfterThemAndKeepsTheirFiles()
    {
        committer.commitAppend(table, List.of(file("a"), file("b")), "insert-1", Optional.of(new Transaction("gateway", 7, null)));
        long readVersion = snapshots.latest(table).version();
        committer.commitAppend(table, List.of(file("c")), "insert-2", Optional.empty());
        committer.commitAppend(table, List.of(file("d")), "insert-3", Optional.empty());

        long version = committer.commitRewrite(table, rewrite(readVersion, List.of(file("a"), file("b")), List.of(file("ab"))), "optimize");

        DeltaSnapshot snapshot = snapshots.latest(table);
        assertThat(version).isEqualTo(readVersion + 3);
        assertThat(snapshot.files().keySet()).containsExactlyInAnyOrder("ab", "c", "d");
        assertThat(snapshot.files().get("ab").dataChange()).isFalse();
        assertThat(snapshot.tombstones().keySet()).containsExactlyInAnyOrder("a", "b");
        assertThat(snapshot.tombstones().get("a").dataChange()).isFalse();
        assertThat(snapshot.transactions()).as("the watermark of buffer splits").isEqualTo(Map.of("gateway", 7L));
    }

    @Test
    void ofTwoRewritesOfTheSameFilesTheSecondFailsAndCommitsNothing()
    {
        committer.commitAppend(table, List.of(file("a"), file("b")), "insert", Optional.empty());
        long readVersion = snapshots.latest(table).version();
        committer.commitRewrite(table, rewrite(readVersion, List.of(file("a"), file("b")), List.of(file("first"))), "optimize-1");

        assertThatThrownBy(() -> committer.commitRewrite(table, rewrite(readVersion, List.of(file("a"), file("b")), List.of(file("second"))), "optimize-2"))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(TIMEFUSION_REWRITE_CONFLICT.toErrorCode()))
                .hasMessageContaining("nothing was committed");
        assertThat(snapshots.latest(table).version()).isEqualTo(readVersion + 1);
        assertThat(snapshots.latest(table).files().keySet()).containsExactly("first");
    }

    @Test
    void aChangeOfRowsAfterConcurrentAppendsCommitsAsADataChange()
    {
        committer.commitAppend(table, List.of(file("a")), "insert-1", Optional.empty());
        long readVersion = snapshots.latest(table).version();
        committer.commitAppend(table, List.of(file("b")), "insert-2", Optional.empty());

        committer.commitRewrite(table, change(readVersion, List.of(file("a")), List.of(file("a-without-deleted-rows"))), "update");

        DeltaSnapshot snapshot = snapshots.latest(table);
        assertThat(snapshot.files().keySet()).containsExactlyInAnyOrder("a-without-deleted-rows", "b");
        assertThat(snapshot.files().get("a-without-deleted-rows").dataChange()).isTrue();
        assertThat(snapshot.tombstones().get("a").dataChange()).isTrue();
    }

    @Test
    void ofTwoChangesOfRowsInTheSameFileTheSecondFailsAsATransactionConflict()
    {
        committer.commitAppend(table, List.of(file("a")), "insert", Optional.empty());
        long readVersion = snapshots.latest(table).version();
        committer.commitRewrite(table, change(readVersion, List.of(file("a")), List.of(file("first-update"))), "update-1");

        assertThatThrownBy(() -> committer.commitRewrite(table, change(readVersion, List.of(file("a")), List.of(file("second-update"))), "update-2"))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(TRANSACTION_CONFLICT.toErrorCode()))
                .hasMessageContaining("nothing was committed, run it again");
        assertThat(snapshots.latest(table).files().keySet()).containsExactly("first-update");
    }

    private static Rewrite rewrite(long readVersion, List<AddFile> removed, List<AddFile> added)
    {
        return new Rewrite("OPTIMIZE", readVersion, removed, added, false, Map.of());
    }

    private static Rewrite change(long readVersion, List<AddFile> removed, List<AddFile> added)
    {
        return new Rewrite("MERGE", readVersion, removed, added, true, Map.of());
    }

    private static AddFile file(String path)
    {
        return new AddFile(path, Map.of("project_id", "p", "date", "2026-01-01"), 100, 0, true, null, Map.of());
    }
}

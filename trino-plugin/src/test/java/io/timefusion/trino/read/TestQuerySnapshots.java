package io.timefusion.trino.read;

import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaActions.Transaction;
import io.timefusion.trino.delta.DeltaCommitter;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.type.JsonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A query reads each table's snapshot once: its later scans, and its buffer splits' watermarks, see that same snapshot. */
class TestQuerySnapshots
{
    @TempDir
    Path dataDirectory;
    private FileSystems fileSystems;
    private DeltaCommitter committer;
    private DeltaSnapshots snapshots;
    private TableStorage table;

    @BeforeEach
    void createTable()
    {
        TimeFusionConfig config = new TimeFusionConfig().setDataDirectory(dataDirectory.toString());
        fileSystems = new FileSystems(OpenTelemetry.noop());
        snapshots = new DeltaSnapshots(fileSystems, config);
        committer = new DeltaCommitter(fileSystems, snapshots, new OtelLogsAndSpansTable(JsonType.JSON), config);
        table = new DefaultTableStorage(config).get();
        committer.commitAppend(table, List.of(), "create", Optional.empty());
    }

    @AfterEach
    void closeFileSystems()
    {
        fileSystems.close();
    }

    @Test
    void aQueryKeepsItsSnapshotWhileCommitsLandAndLetsGoWhenReleased()
    {
        QuerySnapshots querySnapshots = new QuerySnapshots(snapshots);
        DeltaSnapshot first = querySnapshots.snapshot("query-1", table);

        committer.commitAppend(table, List.of(), "flush", Optional.of(new Transaction("gw-1", 9, null)));

        assertThat(querySnapshots.snapshot("query-1", table)).isSameAs(first);
        assertThat(querySnapshots.snapshot("query-2", table).transactions()).containsEntry("gw-1", 9L);
        querySnapshots.release("query-1");
        assertThat(querySnapshots.snapshot("query-1", table).version()).isEqualTo(first.version() + 1);
    }
}

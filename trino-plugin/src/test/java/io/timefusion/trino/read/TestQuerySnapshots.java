package io.timefusion.trino.read;

import io.airlift.units.Duration;
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
import java.util.concurrent.TimeUnit;

import static com.google.common.util.concurrent.Uninterruptibles.sleepUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query reads each table's snapshot once: its later scans, and its buffer splits' watermarks, see that same snapshot.
 * A query within timefusion.snapshot-freshness of the last look at storage reads none, unless a commit went through
 * this node since; another node's commits show once the bound has passed.
 */
class TestQuerySnapshots
{
    private static final Duration FRESHNESS = new Duration(1, TimeUnit.MINUTES);

    @TempDir
    Path dataDirectory;
    private FileSystems fileSystems;
    private DeltaCommitter committer;
    private DeltaSnapshots snapshots;
    private TableStorage table;

    @BeforeEach
    void createTable()
    {
        TimeFusionConfig config = config(FRESHNESS);
        fileSystems = new FileSystems(OpenTelemetry.noop());
        snapshots = new DeltaSnapshots(fileSystems, config);
        committer = new DeltaCommitter(fileSystems, snapshots, new OtelLogsAndSpansTable(JsonType.JSON), config);
        table = new DefaultTableStorage(config).get();
        committer.commitAppend(table, List.of(), "create", Optional.empty());
    }

    private TimeFusionConfig config(Duration freshness)
    {
        return new TimeFusionConfig().setDataDirectory(dataDirectory.toString()).setSnapshotFreshness(freshness);
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

    @Test
    void aCommitThroughThisNodeIsSeenByTheNextQueryWithinTheFreshnessBound()
    {
        QuerySnapshots querySnapshots = new QuerySnapshots(snapshots);
        long before = querySnapshots.snapshot("query-1", table).version();

        committer.commitAppend(table, List.of(), "flush", Optional.of(new Transaction("gw-1", 3, null)));

        assertThat(querySnapshots.snapshot("query-2", table).version()).isEqualTo(before + 1);
    }

    @Test
    void anotherNodesCommitIsNotAskedForWithinTheFreshnessBound()
    {
        QuerySnapshots querySnapshots = new QuerySnapshots(snapshots);
        long before = querySnapshots.snapshot("query-1", table).version();

        otherNode().commitAppend(table, List.of(), "elsewhere", Optional.empty());

        assertThat(querySnapshots.snapshot("query-2", table).version()).isEqualTo(before);
    }

    @Test
    void anotherNodesCommitShowsOnceTheFreshnessBoundHasPassed()
    {
        Duration shortBound = new Duration(200, TimeUnit.MILLISECONDS);
        QuerySnapshots querySnapshots = new QuerySnapshots(new DeltaSnapshots(fileSystems, config(shortBound)));
        long before = querySnapshots.snapshot("query-1", table).version();

        otherNode().commitAppend(table, List.of(), "elsewhere", Optional.empty());
        sleepUninterruptibly(2 * shortBound.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(querySnapshots.snapshot("query-2", table).version()).isEqualTo(before + 1);
    }

    /** A second coordinator writing to the same table: its own snapshot cache and committer. */
    private DeltaCommitter otherNode()
    {
        return new DeltaCommitter(fileSystems, new DeltaSnapshots(fileSystems, config(FRESHNESS)), new OtelLogsAndSpansTable(JsonType.JSON), config(FRESHNESS));
    }

    @Test
    void withoutAFreshnessBoundEveryQueryAsksStorage()
    {
        DeltaSnapshots alwaysProbing = new DeltaSnapshots(fileSystems, config(new Duration(0, TimeUnit.SECONDS)));
        QuerySnapshots querySnapshots = new QuerySnapshots(alwaysProbing);
        long before = querySnapshots.snapshot("query-1", table).version();

        committer.commitAppend(table, List.of(), "elsewhere", Optional.empty());

        assertThat(querySnapshots.snapshot("query-2", table).version()).isEqualTo(before + 1);
    }
}

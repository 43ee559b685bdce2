package io.timefusion.trino.delta;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.inject.Inject;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;
import io.trino.spi.TrinoException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_INCOMPATIBLE_TABLE;
import static java.util.Objects.requireNonNull;

/**
 * The latest snapshot of each table, kept between queries: each probe only asks for commits newer than the
 * cached version and replays just those, so every version is replayed once per node. Reads may skip the probe
 * ({@link #recent}) for {@code timefusion.snapshot-freshness} after the last one, unless a commit went through this
 * node since: commits go through the coordinator ({@link DeltaCommitter}), so this node's own writes, the gateways'
 * flushes among them, are seen at once and the buffer splits' watermarks never lag them.
 */
public class DeltaSnapshots
{
    private final FileSystems fileSystems;
    private final long logRetentionMillis;
    private final int checkpointInterval;
    private final long freshnessNanos;
    private final Cache<Location, Probe> latest = CacheBuilder.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(1, TimeUnit.HOURS)
            .build();
    // commits through this node per table: a probe older than the last of them may have missed it
    private final ConcurrentMap<Location, Long> commits = new ConcurrentHashMap<>();

    /** A snapshot as a probe found it, when, and how many commits this node had made to the table before it began. */
    private record Probe(DeltaSnapshot snapshot, long probedAtNanos, long commitsBefore) {}

    @Inject
    public DeltaSnapshots(FileSystems fileSystems, TimeFusionConfig config)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.logRetentionMillis = config.getLogRetention().toMillis();
        this.checkpointInterval = config.getCheckpointInterval();
        this.freshnessNanos = config.getSnapshotFreshness().roundTo(TimeUnit.NANOSECONDS);
    }

    /**
     * For reads: the cached snapshot, without asking storage, when it was probed within the freshness bound and no
     * commit went through this node since; otherwise {@link #latest}.
     */
    public DeltaSnapshot recent(TableStorage table)
    {
        Probe probe = latest.getIfPresent(table.tableRoot());
        if (probe != null && System.nanoTime() - probe.probedAtNanos() < freshnessNanos && probe.commitsBefore() == commitsTo(table)) {
            return probe.snapshot();
        }
        return latest(table);
    }

    /** A commit to the table went through this node: the next read probes for it. */
    public void committed(TableStorage table)
    {
        commits.merge(table.tableRoot(), 1L, Long::sum);
    }

    private long commitsTo(TableStorage table)
    {
        return commits.getOrDefault(table.tableRoot(), 0L);
    }

    /** The table as storage holds it now: the cached snapshot with every commit since applied. */
    public DeltaSnapshot latest(TableStorage table)
    {
        long commitsBefore = commitsTo(table);
        long probedAt = System.nanoTime();
        Probe probe = latest.getIfPresent(table.tableRoot());
        DeltaSnapshot cached = probe == null ? null : probe.snapshot();
        DeltaSnapshot fresh = cached == null
                ? DeltaLogReader.load(fileSystems.fileSystem(table.backend()), table)
                : DeltaLogReader.update(fileSystems.fileSystem(table.backend()), table, cached);
        if (cached != null && fresh.version() / checkpointInterval != cached.version() / checkpointInterval) {
            // as often as checkpoints drop them: a snapshot kept current for months would otherwise hold every tombstone
            fresh = fresh.withoutTombstonesBefore(System.currentTimeMillis() - logRetentionMillis);
        }
        checkCompatible(table, fresh);
        latest.asMap().merge(table.tableRoot(), new Probe(fresh, probedAt, commitsBefore),
                (old, candidate) -> candidate.snapshot().version() >= old.snapshot().version() ? candidate : old);
        return fresh;
    }

    private static void checkCompatible(TableStorage table, DeltaSnapshot snapshot)
    {
        snapshot.metadata().ifPresent(metadata -> {
            if (!metadata.partitionColumns().equals(OtelLogsAndSpansTable.PARTITION_COLUMNS)) {
                throw new TrinoException(TIMEFUSION_INCOMPATIBLE_TABLE,
                        "The Delta table at %s is partitioned by %s, not by %s: it is not an otel_logs_and_spans table"
                                .formatted(table.describe(), metadata.partitionColumns(), OtelLogsAndSpansTable.PARTITION_COLUMNS));
            }
        });
        snapshot.protocol().ifPresent(protocol -> {
            if (protocol.minReaderVersion() > 1) {
                throw new TrinoException(TIMEFUSION_INCOMPATIBLE_TABLE,
                        "The Delta table at %s needs reader version %d; TimeFusion reads version 1".formatted(table.describe(), protocol.minReaderVersion()));
            }
        });
    }
}

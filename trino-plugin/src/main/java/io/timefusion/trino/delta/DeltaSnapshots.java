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

import java.util.concurrent.TimeUnit;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_INCOMPATIBLE_TABLE;
import static java.util.Objects.requireNonNull;

/**
 * The latest snapshot of each table, kept between queries: each call only probes for commits newer than the
 * cached version and replays just those, so every version is replayed once per node.
 */
public class DeltaSnapshots
{
    private final FileSystems fileSystems;
    private final long logRetentionMillis;
    private final int checkpointInterval;
    private final Cache<Location, DeltaSnapshot> latest = CacheBuilder.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(1, TimeUnit.HOURS)
            .build();

    @Inject
    public DeltaSnapshots(FileSystems fileSystems, TimeFusionConfig config)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.logRetentionMillis = config.getLogRetention().toMillis();
        this.checkpointInterval = config.getCheckpointInterval();
    }

    public DeltaSnapshot latest(TableStorage table)
    {
        DeltaSnapshot cached = latest.getIfPresent(table.tableRoot());
        DeltaSnapshot fresh = cached == null
                ? DeltaLogReader.load(fileSystems.fileSystem(table.backend()), table)
                : DeltaLogReader.update(fileSystems.fileSystem(table.backend()), table, cached);
        if (cached != null && fresh.version() / checkpointInterval != cached.version() / checkpointInterval) {
            // as often as checkpoints drop them: a snapshot kept current for months would otherwise hold every tombstone
            fresh = fresh.withoutTombstonesBefore(System.currentTimeMillis() - logRetentionMillis);
        }
        checkCompatible(table, fresh);
        latest.asMap().merge(table.tableRoot(), fresh, (old, candidate) -> candidate.version() > old.version() ? candidate : old);
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

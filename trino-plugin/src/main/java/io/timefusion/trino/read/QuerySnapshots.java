package io.timefusion.trino.read;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.inject.Inject;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The snapshot of each table a query reads, read once per query: every scan of the table in the query (self-joins,
 * unions) and the buffer splits' watermarks come from that one DeltaSnapshot instance, so the buffered rows a query
 * gets are exactly those above the files it reads. Released when the query ends ({@code cleanupQuery}); the expiry
 * only bounds what a query that never reaches its cleanup keeps.
 */
public class QuerySnapshots
{
    private final DeltaSnapshots snapshots;
    private final Cache<String, ConcurrentMap<Location, DeltaSnapshot>> byQuery = CacheBuilder.newBuilder()
            .expireAfterAccess(1, TimeUnit.HOURS)
            .build();

    @Inject
    public QuerySnapshots(DeltaSnapshots snapshots)
    {
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
    }

    public DeltaSnapshot snapshot(String queryId, TableStorage table)
    {
        return byQuery.asMap()
                .computeIfAbsent(queryId, _ -> new ConcurrentHashMap<>())
                .computeIfAbsent(table.tableRoot(), _ -> snapshots.recent(table));
    }

    public void release(String queryId)
    {
        byQuery.invalidate(queryId);
    }
}

package io.timefusion.trino.buffer;

import com.google.common.collect.ImmutableMap;
import com.google.inject.Inject;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.projects.ProjectTables;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One buffer split per live gateway, with the watermarks of the very snapshots whose files became the query's file
 * splits: a gateway's row is in a table's files exactly when its sequence is at most that table's txn version for the
 * gateway, so the gateway returns only the rows above it and none is counted twice or missed.
 */
public class BufferSplits
{
    // a table whose log holds no txn of the gateway has none of its rows: every buffered row is above
    private static final long NOTHING_FLUSHED = -1;

    private final GatewayRegistry registry;

    @Inject
    public BufferSplits(GatewayRegistry registry)
    {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /**
     * @param snapshotsRead the snapshot of each table the query reads, by table key (ProjectTables: "" for the default
     * table, else a registered project's id)
     */
    public List<BufferSplit> forLiveGateways(Map<String, DeltaSnapshot> snapshotsRead)
    {
        return registry.live().stream()
                .map(gateway -> split(gateway, snapshotsRead))
                .toList();
    }

    private static BufferSplit split(Gateway gateway, Map<String, DeltaSnapshot> snapshotsRead)
    {
        Long defaultWatermark = null;
        ImmutableMap.Builder<String, Long> projectWatermarks = ImmutableMap.builder();
        for (Map.Entry<String, DeltaSnapshot> table : snapshotsRead.entrySet()) {
            long watermark = table.getValue().transactions().getOrDefault(gateway.gatewayId(), NOTHING_FLUSHED);
            if (table.getKey().equals(ProjectTables.DEFAULT_TABLE)) {
                defaultWatermark = watermark;
            }
            else {
                projectWatermarks.put(table.getKey(), watermark);
            }
        }
        return new BufferSplit(gateway.gatewayId(), gateway.url(), defaultWatermark, projectWatermarks.buildOrThrow());
    }
}

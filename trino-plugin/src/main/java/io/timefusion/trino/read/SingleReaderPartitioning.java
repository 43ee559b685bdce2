package io.timefusion.trino.read;

import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.trino.spi.connector.ConnectorPartitioningHandle;

/**
 * The partitioning of a scan that reads little: one bucket, on one node. Told to the engine, it lets the plan's TopN,
 * sort and output run in the scan's own stage on a small cluster instead of in stages of their own, each with
 * exchanges that cost more than the rows they move. The engine ignores it where the cluster is larger than one bucket
 * can use (table_scan_node_partitioning_min_bucket_to_task_ratio).
 */
public enum SingleReaderPartitioning
        implements ConnectorPartitioningHandle
{
    INSTANCE;

    /**
     * Whether the scan reads little: {@code ORDER BY timestamp LIMIT n} and a count per bucket (one reader anyway),
     * and lookups of a few ids or trace ids (the few files their bloom filters admit).
     */
    public static boolean appliesTo(TimeFusionTableHandle handle)
    {
        return handle.topN().isPresent() || handle.countPerBucket().isPresent()
                || (handle.optimize().isEmpty() && !new FilePruner(handle.constraint()).lookups().isEmpty());
    }

    @Override
    public boolean isSingleNode()
    {
        return true;
    }
}

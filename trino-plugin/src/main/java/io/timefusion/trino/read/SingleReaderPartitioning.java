package io.timefusion.trino.read;

import io.trino.spi.connector.ConnectorPartitioningHandle;

/**
 * The partitioning of a scan that one reader does anyway ({@code ORDER BY timestamp LIMIT n}, a count per bucket): one
 * bucket, on one node. Told to the engine, it lets the plan's TopN, sort and output run in the scan's own stage on a
 * small cluster instead of in stages of their own, each with exchanges that cost more than the rows they move. The
 * engine ignores it where the cluster is larger than one bucket can use (table_scan_node_partitioning_min_bucket_to_task_ratio).
 */
public enum SingleReaderPartitioning
        implements ConnectorPartitioningHandle
{
    INSTANCE;

    @Override
    public boolean isSingleNode()
    {
        return true;
    }
}

package io.timefusion.trino.write;

import io.trino.spi.connector.ConnectorPartitioningHandle;

/**
 * How INSERT rows are spread over writers: by (project_id, date) with {@link PartitionBucketFunction}, so that all rows
 * of one Delta partition reach one writer, which writes them as one file. A handle of our own rather than the engine's
 * preferred hash partitioning: only a connector handle lets the layout refuse several writers per partition, and it
 * holds even when a session turns {@code use_preferred_write_partitioning} off.
 */
public enum WritePartitioningHandle
        implements ConnectorPartitioningHandle
{
    INSTANCE
}

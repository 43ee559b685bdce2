package io.timefusion.trino.dml;

import io.trino.spi.connector.ConnectorPartitioningHandle;

/**
 * How the deleted rows of an UPDATE, DELETE or MERGE are spread over merge sinks: by data file
 * ({@link RowIdBucketFunction}), so that one sink sees every deletion in a file and rewrites it once.
 */
public enum RowIdPartitioningHandle
        implements ConnectorPartitioningHandle
{
    INSTANCE
}

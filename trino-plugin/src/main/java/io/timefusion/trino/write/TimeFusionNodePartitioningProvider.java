package io.timefusion.trino.write;

import io.timefusion.trino.dml.RowIdBucketFunction;
import io.timefusion.trino.dml.RowIdPartitioningHandle;
import io.trino.spi.connector.BucketFunction;
import io.trino.spi.connector.ConnectorNodePartitioningProvider;
import io.trino.spi.connector.ConnectorPartitioningHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The bucket functions of {@link WritePartitioningHandle} (rows by partition) and {@link RowIdPartitioningHandle}
 * (deleted rows by data file). No bucket-to-node mapping of its own: the engine picks the
 * bucket count and spreads the buckets over the nodes.
 */
public class TimeFusionNodePartitioningProvider
        implements ConnectorNodePartitioningProvider
{
    @Override
    public BucketFunction getBucketFunction(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPartitioningHandle partitioning, List<Type> partitionChannelTypes, int bucketCount)
    {
        if (partitioning == RowIdPartitioningHandle.INSTANCE) {
            checkArgument(partitionChannelTypes.size() == 1, "Expected the row id channel, got %s", partitionChannelTypes);
            return new RowIdBucketFunction(bucketCount);
        }
        checkArgument(partitioning == WritePartitioningHandle.INSTANCE, "Unknown partitioning handle: %s", partitioning);
        checkArgument(partitionChannelTypes.size() == 2, "Expected the partition channels project_id and date, got %s", partitionChannelTypes);
        return new PartitionBucketFunction(bucketCount);
    }
}

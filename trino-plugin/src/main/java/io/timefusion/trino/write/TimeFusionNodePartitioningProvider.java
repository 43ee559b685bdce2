package io.timefusion.trino.write;

import io.trino.spi.connector.BucketFunction;
import io.trino.spi.connector.ConnectorNodePartitioningProvider;
import io.trino.spi.connector.ConnectorPartitioningHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The bucket function of {@link WritePartitioningHandle}. No bucket-to-node mapping of its own: the engine picks the
 * bucket count and spreads the buckets over the nodes.
 */
public class TimeFusionNodePartitioningProvider
        implements ConnectorNodePartitioningProvider
{
    @Override
    public BucketFunction getBucketFunction(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPartitioningHandle partitioning, List<Type> partitionChannelTypes, int bucketCount)
    {
        checkArgument(partitioning == WritePartitioningHandle.INSTANCE, "Unknown partitioning handle: %s", partitioning);
        checkArgument(partitionChannelTypes.size() == 2, "Expected the partition channels project_id and date, got %s", partitionChannelTypes);
        return new PartitionBucketFunction(bucketCount);
    }
}

package io.timefusion.trino.write;

import io.timefusion.trino.dml.RowIdBucketFunction;
import io.timefusion.trino.dml.RowIdPartitioningHandle;
import io.timefusion.trino.read.SingleReaderPartitioning;
import io.trino.spi.connector.BucketFunction;
import io.trino.spi.connector.ConnectorBucketNodeMap;
import io.trino.spi.connector.ConnectorNodePartitioningProvider;
import io.trino.spi.connector.ConnectorPartitioningHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The bucket functions of {@link WritePartitioningHandle} (rows by partition) and {@link RowIdPartitioningHandle}
 * (deleted rows by data file): no bucket-to-node mapping of their own, the engine picks the bucket count and spreads
 * the buckets over the nodes. {@link SingleReaderPartitioning}: one bucket, every split and row in it.
 */
public class TimeFusionNodePartitioningProvider
        implements ConnectorNodePartitioningProvider
{
    @Override
    public Optional<ConnectorBucketNodeMap> getBucketNodeMapping(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPartitioningHandle partitioning)
    {
        // the engine picks the one node
        return partitioning == SingleReaderPartitioning.INSTANCE ? Optional.of(ConnectorBucketNodeMap.createBucketNodeMap(1)) : Optional.empty();
    }

    @Override
    public ToIntFunction<ConnectorSplit> getSplitBucketFunction(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPartitioningHandle partitioning, int bucketCount)
    {
        if (partitioning == SingleReaderPartitioning.INSTANCE) {
            return _ -> 0;
        }
        return ConnectorNodePartitioningProvider.super.getSplitBucketFunction(transaction, session, partitioning, bucketCount);
    }

    @Override
    public BucketFunction getBucketFunction(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPartitioningHandle partitioning, List<Type> partitionChannelTypes, int bucketCount)
    {
        if (partitioning == RowIdPartitioningHandle.INSTANCE) {
            checkArgument(partitionChannelTypes.size() == 1, "Expected the row id channel, got %s", partitionChannelTypes);
            return new RowIdBucketFunction(bucketCount);
        }
        if (partitioning == SingleReaderPartitioning.INSTANCE) {
            return (_, _) -> 0;
        }
        checkArgument(partitioning == WritePartitioningHandle.INSTANCE, "Unknown partitioning handle: %s", partitioning);
        checkArgument(partitionChannelTypes.size() == 2, "Expected the partition channels project_id and date, got %s", partitionChannelTypes);
        return new PartitionBucketFunction(bucketCount);
    }
}

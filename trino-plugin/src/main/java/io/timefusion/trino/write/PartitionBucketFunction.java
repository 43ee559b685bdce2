package io.timefusion.trino.write;

import io.airlift.slice.XxHash64;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.BucketFunction;

import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.lang.Math.floorMod;

/**
 * The bucket of a row from its partition values: channel 0 is project_id, channel 1 is date (the order of
 * {@code OtelLogsAndSpansTable.PARTITION_COLUMNS}, which the insert layout names). Equal partitions always land in the
 * same bucket, so on the same writer.
 */
final class PartitionBucketFunction
        implements BucketFunction
{
    private final int bucketCount;

    PartitionBucketFunction(int bucketCount)
    {
        this.bucketCount = bucketCount;
    }

    @Override
    public int getBucket(Page page, int position)
    {
        Block projects = page.getBlock(0);
        Block dates = page.getBlock(1);
        // both are NOT NULL; a NULL still gets a bucket so that the writer, not the exchange, reports it
        long day = dates.isNull(position) ? 0 : DATE.getLong(dates, position);
        long hash = projects.isNull(position) ? day : XxHash64.hash(day, VARCHAR.getSlice(projects, position));
        return (int) floorMod(hash, bucketCount);
    }
}

package io.timefusion.trino.dml;

import io.airlift.slice.XxHash64;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.RowBlock;
import io.trino.spi.connector.BucketFunction;

import java.util.List;

import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.lang.Math.floorMod;

/** The bucket of a deleted row from its row id's data file (channel 0 is the row id): all rows of a file share one. */
public final class RowIdBucketFunction
        implements BucketFunction
{
    private final int bucketCount;

    public RowIdBucketFunction(int bucketCount)
    {
        this.bucketCount = bucketCount;
    }

    @Override
    public int getBucket(Page page, int position)
    {
        Block rowIds = page.getBlock(0);
        if (rowIds.isNull(position)) {
            // an inserted row has no row id; the insert layout places it
            return 0;
        }
        List<Block> fields = RowBlock.getRowFieldsFromBlock(rowIds);
        long hash = XxHash64.hash(VARCHAR.getSlice(fields.get(1), position));
        return (int) floorMod(hash, bucketCount);
    }
}

package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.timefusion.trino.buffer.BufferSplit;
import io.trino.spi.connector.ConnectorSplit;

import java.util.List;

import static io.airlift.slice.SizeOf.estimatedSizeOf;
import static io.airlift.slice.SizeOf.instanceSize;

/**
 * Everything a scan that counts rows per bucket reads, data files and gateways' buffered rows alike: one split, since
 * its one reader must see every row of a bucket to return the bucket's count (Trino adds no aggregation after it).
 */
public record BucketCountSplit(
        @JsonProperty("files") List<TimeFusionSplit> files,
        @JsonProperty("buffers") List<BufferSplit> buffers)
        implements ConnectorSplit
{
    private static final int INSTANCE_SIZE = instanceSize(BucketCountSplit.class);

    @JsonCreator
    public BucketCountSplit
    {
        files = List.copyOf(files);
        buffers = List.copyOf(buffers);
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE + estimatedSizeOf(files, TimeFusionSplit::getRetainedSizeInBytes) + estimatedSizeOf(buffers, BufferSplit::getRetainedSizeInBytes);
    }
}

package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.timefusion.trino.functions.TimeBuckets;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import static com.google.common.base.Preconditions.checkArgument;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static java.lang.Math.floorDiv;

/**
 * {@code time_bucket(width, timestamp)} (the plugin's function, on its default grid) as a column of the scan: the
 * projection Trino pushes into it so that a count per bucket can follow ({@link ScanPushdown#applyAggregation}).
 * The page sources read {@code timestamp} and compute it with the function's own arithmetic.
 */
public record TimeBucketColumn(@JsonProperty("widthMillis") long widthMillis)
        implements ColumnHandle
{
    public static final Type TYPE = TIMESTAMP_TZ_MICROS;

    @JsonCreator
    public TimeBucketColumn
    {
        checkArgument(widthMillis > 0, "bucket width must be positive: %s", widthMillis);
    }

    public String name()
    {
        return "time_bucket(%d ms, timestamp)".formatted(widthMillis);
    }

    /** The start of the bucket holding a stored timestamp, in epoch microseconds. */
    public long bucketStartMicros(long epochMicros)
    {
        return TimeBuckets.defaultBucketStartMillis(widthMillis, floorDiv(epochMicros, 1000)) * 1000;
    }

    /** The bucket of each timestamp of the block, NULL for NULL. */
    public Block buckets(Block timestamps)
    {
        BlockBuilder buckets = TYPE.createBlockBuilder(null, timestamps.getPositionCount());
        for (int position = 0; position < timestamps.getPositionCount(); position++) {
            if (timestamps.isNull(position)) {
                buckets.appendNull();
            }
            else {
                TYPE.writeObject(buckets, StoredTimestamps.utcTimestamp(bucketStartMicros(StoredTimestamps.epochMicros(timestamps, position))));
            }
        }
        return buckets.build();
    }

    @Override
    public String toString()
    {
        return name();
    }
}

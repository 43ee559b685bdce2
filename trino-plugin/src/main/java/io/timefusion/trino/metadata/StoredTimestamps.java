package io.timefusion.trino.metadata;

import io.trino.spi.block.Block;
import io.trino.spi.block.Fixed12Block;
import io.trino.spi.type.LongTimestampWithTimeZone;

import static io.trino.spi.type.DateTimeEncoding.unpackMillisUtc;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static java.lang.Math.floorDiv;
import static java.lang.Math.floorMod;

/**
 * {@code timestamp(6) with time zone} as the table stores it: UTC microseconds since the epoch; and the {@code date}
 * partition value derived from it.
 */
public final class StoredTimestamps
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int PICOS_PER_MICRO = 1_000_000;

    private StoredTimestamps() {}

    /** The whole microsecond at or before the value (a value finer than microseconds is truncated). */
    public static long epochMicros(LongTimestampWithTimeZone timestamp)
    {
        return timestamp.getEpochMillis() * 1000 + timestamp.getPicosOfMilli() / PICOS_PER_MICRO;
    }

    /** The whole microsecond at or after the value. */
    public static long epochMicrosRoundedUp(LongTimestampWithTimeZone timestamp)
    {
        return epochMicros(timestamp) + (timestamp.getPicosOfMilli() % PICOS_PER_MICRO == 0 ? 0 : 1);
    }

    /**
     * A row's value in epoch microseconds, read where the block keeps it (packed UTC milliseconds and picoseconds of
     * the millisecond) without building a value object: this runs for every row a time filter or a TopN scans. The
     * row must not be NULL.
     */
    public static long epochMicros(Block block, int position)
    {
        Fixed12Block values = (Fixed12Block) block.getUnderlyingValueBlock();
        int valuePosition = block.getUnderlyingValuePosition(position);
        return unpackMillisUtc(values.getFixed12First(valuePosition)) * 1000 + values.getFixed12Second(valuePosition) / PICOS_PER_MICRO;
    }

    /** The instant in UTC. */
    public static LongTimestampWithTimeZone utcTimestamp(long epochMicros)
    {
        return LongTimestampWithTimeZone.fromEpochMillisAndFraction(floorDiv(epochMicros, 1000), floorMod(epochMicros, 1000) * PICOS_PER_MICRO, UTC_KEY);
    }

    /** The UTC day of a timestamp: the value of the {@code date} partition column. */
    public static long epochDay(long epochMicros)
    {
        return floorDiv(epochMicros, MICROS_PER_DAY);
    }
}

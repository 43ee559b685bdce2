package io.timefusion.trino.write;

import io.trino.spi.type.LongTimestampWithTimeZone;

import static java.lang.Math.floorDiv;

public final class WriteTimestamps
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private WriteTimestamps() {}

    public static long epochMicros(LongTimestampWithTimeZone timestamp)
    {
        return timestamp.getEpochMillis() * 1000 + timestamp.getPicosOfMilli() / 1_000_000;
    }

    /** The UTC day of a timestamp: the value of the {@code date} partition column. */
    public static long epochDay(long epochMicros)
    {
        return floorDiv(epochMicros, MICROS_PER_DAY);
    }
}

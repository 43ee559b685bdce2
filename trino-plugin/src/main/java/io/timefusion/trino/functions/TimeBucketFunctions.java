package io.timefusion.trino.functions;

import io.trino.spi.TrinoException;
import io.trino.spi.function.Description;
import io.trino.spi.function.LiteralParameters;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.StandardTypes;

import java.util.Set;

import static io.timefusion.trino.functions.TimeBuckets.DEFAULT_ORIGIN_EPOCH_MILLIS;
import static io.timefusion.trino.functions.TimeBuckets.bucketStart;
import static io.timefusion.trino.functions.TimeBuckets.monthBucketStartDay;
import static io.trino.spi.StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;

/**
 * {@code time_bucket} on {@code timestamp(p)} without time zone (Timescale's timestamp semantics: wall-clock
 * values bucketed as they are). Each class is one SQL signature, with one method for the short (p ≤ 6, epoch
 * microseconds) and one for the long encoding.
 */
public final class TimeBucketFunctions
{
    private static final long MICROS_PER_MILLI = 1_000L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long DEFAULT_ORIGIN_EPOCH_MICROS = DEFAULT_ORIGIN_EPOCH_MILLIS * MICROS_PER_MILLI;

    public static final Set<Class<?>> FUNCTIONS = Set.of(Default.class, WithOrigin.class, WithOffset.class, Months.class);

    private TimeBucketFunctions() {}

    @ScalarFunction("time_bucket")
    @Description("Start of the bucket of the given width holding the timestamp; buckets align to Monday 2000-01-03 00:00")
    public static final class Default
    {
        private Default() {}

        @LiteralParameters("p")
        @SqlType("timestamp(p)")
        public static long bucket(@SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width, @SqlType("timestamp(p)") long timestamp)
        {
            return bucketStart(micros(width), timestamp, DEFAULT_ORIGIN_EPOCH_MICROS);
        }

        @LiteralParameters("p")
        @SqlType("timestamp(p)")
        public static LongTimestamp bucket(@SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width, @SqlType("timestamp(p)") LongTimestamp timestamp)
        {
            return new LongTimestamp(bucketStart(micros(width), timestamp.getEpochMicros(), timestamp.getPicosOfMicro(), DEFAULT_ORIGIN_EPOCH_MICROS, 0), 0);
        }
    }

    @ScalarFunction("time_bucket")
    @Description("Start of the bucket of the given width holding the timestamp; buckets align to the origin")
    public static final class WithOrigin
    {
        private WithOrigin() {}

        @LiteralParameters("p")
        @SqlType("timestamp(p)")
        public static long bucket(
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width,
                @SqlType("timestamp(p)") long timestamp,
                @SqlType("timestamp(p)") long origin)
        {
            return bucketStart(micros(width), timestamp, origin);
        }

        @LiteralParameters("p")
        @SqlType("timestamp(p)")
        public static LongTimestamp bucket(
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width,
                @SqlType("timestamp(p)") LongTimestamp timestamp,
                @SqlType("timestamp(p)") LongTimestamp origin)
        {
            long start = bucketStart(micros(width), timestamp.getEpochMicros(), timestamp.getPicosOfMicro(), origin.getEpochMicros(), origin.getPicosOfMicro());
            return new LongTimestamp(start, origin.getPicosOfMicro());
        }
    }

    @ScalarFunction("time_bucket")
    @Description("Start of the bucket of the given width holding the timestamp; buckets align to Monday 2000-01-03 00:00 shifted by the offset")
    public static final class WithOffset
    {
        private WithOffset() {}

        @LiteralParameters("p")
        @SqlType("timestamp(p)")
        public static long bucket(
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width,
                @SqlType("timestamp(p)") long timestamp,
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long offset)
        {
            return bucketStart(micros(width), timestamp, DEFAULT_ORIGIN_EPOCH_MICROS + micros(offset));
        }

        @LiteralParameters("p")
        @SqlType("timestamp(p)")
        public static LongTimestamp bucket(
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width,
                @SqlType("timestamp(p)") LongTimestamp timestamp,
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long offset)
        {
            long start = bucketStart(micros(width), timestamp.getEpochMicros(), timestamp.getPicosOfMicro(), DEFAULT_ORIGIN_EPOCH_MICROS + micros(offset), 0);
            return new LongTimestamp(start, 0);
        }
    }

    @ScalarFunction("time_bucket")
    @Description("Midnight of the first day of the bucket of whole months holding the timestamp; buckets align to January 2000")
    public static final class Months
    {
        private Months() {}

        @LiteralParameters("p")
        @SqlType("timestamp(p)")
        public static long bucket(@SqlType(StandardTypes.INTERVAL_YEAR_TO_MONTH) long months, @SqlType("timestamp(p)") long timestamp)
        {
            return monthBucketStartMicros(months, timestamp);
        }

        @LiteralParameters("p")
        @SqlType("timestamp(p)")
        public static LongTimestamp bucket(@SqlType(StandardTypes.INTERVAL_YEAR_TO_MONTH) long months, @SqlType("timestamp(p)") LongTimestamp timestamp)
        {
            return new LongTimestamp(monthBucketStartMicros(months, timestamp.getEpochMicros()), 0);
        }

        private static long monthBucketStartMicros(long months, long epochMicros)
        {
            return monthBucketStartDay(months, Math.floorDiv(epochMicros, MICROS_PER_DAY)) * MICROS_PER_DAY;
        }
    }

    private static long micros(long millis)
    {
        try {
            return Math.multiplyExact(millis, MICROS_PER_MILLI);
        }
        catch (ArithmeticException e) {
            throw new TrinoException(NUMERIC_VALUE_OUT_OF_RANGE, "time_bucket: interval out of range", e);
        }
    }
}

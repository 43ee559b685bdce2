package io.timefusion.trino.functions;

import io.trino.spi.function.Description;
import io.trino.spi.function.LiteralParameters;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.StandardTypes;

import java.util.Set;

import static io.timefusion.trino.functions.TimeBuckets.DEFAULT_ORIGIN_EPOCH_MILLIS;
import static io.timefusion.trino.functions.TimeBuckets.bucketStart;
import static io.timefusion.trino.functions.TimeBuckets.monthBucketStartDay;
import static io.trino.spi.type.DateTimeEncoding.unpackMillisUtc;
import static io.trino.spi.type.DateTimeEncoding.updateMillisUtc;

/**
 * {@code time_bucket} on {@code timestamp(p) with time zone}: buckets of the UTC time line (Timescale's
 * timestamptz semantics); the result keeps the argument's time zone. Trino's day-to-second intervals count
 * milliseconds, so buckets are whole milliseconds wide; each class is one SQL signature, with one method for
 * the short (p ≤ 3) and one for the long encoding.
 */
public final class TimeBucketWithTimeZoneFunctions
{
    private static final long MILLIS_PER_DAY = 86_400_000L;

    public static final Set<Class<?>> FUNCTIONS = Set.of(Default.class, WithOrigin.class, WithOffset.class, Months.class);

    private TimeBucketWithTimeZoneFunctions() {}

    @ScalarFunction("time_bucket")
    @Description("Start of the bucket of the given width holding the instant; buckets align to Monday 2000-01-03 00:00 UTC")
    public static final class Default
    {
        private Default() {}

        @LiteralParameters("p")
        @SqlType("timestamp(p) with time zone")
        public static long bucket(@SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width, @SqlType("timestamp(p) with time zone") long timestamp)
        {
            return updateMillisUtc(bucketStart(width, unpackMillisUtc(timestamp), DEFAULT_ORIGIN_EPOCH_MILLIS), timestamp);
        }

        @LiteralParameters("p")
        @SqlType("timestamp(p) with time zone")
        public static LongTimestampWithTimeZone bucket(@SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width, @SqlType("timestamp(p) with time zone") LongTimestampWithTimeZone timestamp)
        {
            long start = bucketStart(width, timestamp.getEpochMillis(), timestamp.getPicosOfMilli(), DEFAULT_ORIGIN_EPOCH_MILLIS, 0);
            return LongTimestampWithTimeZone.fromEpochMillisAndFraction(start, 0, timestamp.getTimeZoneKey());
        }
    }

    @ScalarFunction("time_bucket")
    @Description("Start of the bucket of the given width holding the instant; buckets align to the origin")
    public static final class WithOrigin
    {
        private WithOrigin() {}

        @LiteralParameters("p")
        @SqlType("timestamp(p) with time zone")
        public static long bucket(
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width,
                @SqlType("timestamp(p) with time zone") long timestamp,
                @SqlType("timestamp(p) with time zone") long origin)
        {
            return updateMillisUtc(bucketStart(width, unpackMillisUtc(timestamp), unpackMillisUtc(origin)), timestamp);
        }

        @LiteralParameters("p")
        @SqlType("timestamp(p) with time zone")
        public static LongTimestampWithTimeZone bucket(
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width,
                @SqlType("timestamp(p) with time zone") LongTimestampWithTimeZone timestamp,
                @SqlType("timestamp(p) with time zone") LongTimestampWithTimeZone origin)
        {
            long start = bucketStart(width, timestamp.getEpochMillis(), timestamp.getPicosOfMilli(), origin.getEpochMillis(), origin.getPicosOfMilli());
            return LongTimestampWithTimeZone.fromEpochMillisAndFraction(start, origin.getPicosOfMilli(), timestamp.getTimeZoneKey());
        }
    }

    @ScalarFunction("time_bucket")
    @Description("Start of the bucket of the given width holding the instant; buckets align to Monday 2000-01-03 00:00 UTC shifted by the offset")
    public static final class WithOffset
    {
        private WithOffset() {}

        @LiteralParameters("p")
        @SqlType("timestamp(p) with time zone")
        public static long bucket(
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width,
                @SqlType("timestamp(p) with time zone") long timestamp,
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long offset)
        {
            // Timescale defines this variant as time_bucket(width, ts - offset) + offset: the default grid moved by the offset
            return updateMillisUtc(bucketStart(width, unpackMillisUtc(timestamp), DEFAULT_ORIGIN_EPOCH_MILLIS + offset), timestamp);
        }

        @LiteralParameters("p")
        @SqlType("timestamp(p) with time zone")
        public static LongTimestampWithTimeZone bucket(
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long width,
                @SqlType("timestamp(p) with time zone") LongTimestampWithTimeZone timestamp,
                @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long offset)
        {
            long start = bucketStart(width, timestamp.getEpochMillis(), timestamp.getPicosOfMilli(), DEFAULT_ORIGIN_EPOCH_MILLIS + offset, 0);
            return LongTimestampWithTimeZone.fromEpochMillisAndFraction(start, 0, timestamp.getTimeZoneKey());
        }
    }

    @ScalarFunction("time_bucket")
    @Description("Midnight UTC of the first day of the bucket of whole months holding the instant; buckets align to January 2000")
    public static final class Months
    {
        private Months() {}

        @LiteralParameters("p")
        @SqlType("timestamp(p) with time zone")
        public static long bucket(@SqlType(StandardTypes.INTERVAL_YEAR_TO_MONTH) long months, @SqlType("timestamp(p) with time zone") long timestamp)
        {
            return updateMillisUtc(monthBucketStartMillis(months, unpackMillisUtc(timestamp)), timestamp);
        }

        @LiteralParameters("p")
        @SqlType("timestamp(p) with time zone")
        public static LongTimestampWithTimeZone bucket(@SqlType(StandardTypes.INTERVAL_YEAR_TO_MONTH) long months, @SqlType("timestamp(p) with time zone") LongTimestampWithTimeZone timestamp)
        {
            return LongTimestampWithTimeZone.fromEpochMillisAndFraction(monthBucketStartMillis(months, timestamp.getEpochMillis()), 0, timestamp.getTimeZoneKey());
        }

        private static long monthBucketStartMillis(long months, long epochMillis)
        {
            // like Timescale, the month of an instant is its month in UTC
            return monthBucketStartDay(months, Math.floorDiv(epochMillis, MILLIS_PER_DAY)) * MILLIS_PER_DAY;
        }
    }
}

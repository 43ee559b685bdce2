package io.timefusion.trino.functions;

import io.trino.spi.TrinoException;

import java.time.LocalDate;

import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.spi.StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;

/**
 * The arithmetic of TimescaleDB's {@code time_bucket} (src/time_bucket.c): a bucket starts at origin + k × width
 * for the integer k that puts the value into [start, start + width), also for values before the origin. Instants
 * are bucketed on the UTC time line, so time zones and their daylight-saving shifts never move a bucket.
 */
public final class TimeBuckets
{
    /** Timescale's default origin, Monday 2000-01-03 00:00 UTC, so that weekly buckets start on Mondays. */
    static final long DEFAULT_ORIGIN_EPOCH_MILLIS = LocalDate.of(2000, 1, 3).toEpochDay() * 86_400_000L;
    /** Month buckets ignore the day: their default origin is 2000-01 (counted in months since the year 0). */
    private static final long DEFAULT_ORIGIN_MONTH = 2000 * 12;

    private TimeBuckets() {}

    /**
     * Start of the bucket of {@code value} (in some unit, with a non-negative {@code fraction} below one unit)
     * on the grid of {@code width} units through {@code origin} (with its own fraction); the start has the
     * origin's fraction.
     */
    static long bucketStart(long width, long value, long fraction, long origin, long originFraction)
    {
        checkWidth(width);
        try {
            // a value a fraction below a grid line belongs to the bucket before it
            long distance = Math.subtractExact(value, origin) - (fraction < originFraction ? 1 : 0);
            return Math.addExact(origin, Math.multiplyExact(Math.floorDiv(distance, width), width));
        }
        catch (ArithmeticException e) {
            throw new TrinoException(NUMERIC_VALUE_OUT_OF_RANGE, "time_bucket: timestamp out of range", e);
        }
    }

    static long bucketStart(long width, long value, long origin)
    {
        return bucketStart(width, value, 0, origin, 0);
    }

    /** Start (epoch milliseconds) of the bucket of {@code width} milliseconds holding the instant, on time_bucket's default grid. */
    public static long defaultBucketStartMillis(long width, long epochMillis)
    {
        return bucketStart(width, epochMillis, DEFAULT_ORIGIN_EPOCH_MILLIS);
    }

    /** First day (days since 1970-01-01) of the bucket of {@code months} months holding {@code epochDay}. */
    static long monthBucketStartDay(long months, long epochDay)
    {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        long bucket = bucketStart(months, date.getYear() * 12L + date.getMonthValue() - 1, DEFAULT_ORIGIN_MONTH);
        return LocalDate.of(Math.toIntExact(Math.floorDiv(bucket, 12)), (int) Math.floorMod(bucket, 12) + 1, 1).toEpochDay();
    }

    private static void checkWidth(long width)
    {
        if (width <= 0) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, "time_bucket: bucket width must be greater than 0");
        }
    }
}

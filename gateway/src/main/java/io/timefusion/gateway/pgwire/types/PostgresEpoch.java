package io.timefusion.gateway.pgwire.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Binary dates and times count from Postgres' epoch, 2000-01-01: days for date, microseconds for timestamp and
 * timestamptz, microseconds since midnight for time. Postgres' ranges are narrower than Java's and are checked here;
 * Java's nanoseconds are rounded half up to microseconds, as pgjdbc rounds them.
 */
final class PostgresEpoch
{
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private static final long EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_SECOND = EPOCH_DAY * 86_400;
    /** Julian day 0, 4714-11-24 BC, is the first date and the first timestamp Postgres holds. */
    private static final LocalDate FIRST_DATE = LocalDate.of(-4713, 11, 24);
    /** DATE_END_JULIAN: dates stop before 5874898-01-01. */
    private static final LocalDate END_DATE = LocalDate.of(5_874_898, 1, 1);
    private static final LocalDateTime FIRST_TIMESTAMP = FIRST_DATE.atStartOfDay();
    /** TIMESTAMP_END_JULIAN: timestamps stop before 294277-01-01 00:00. */
    private static final LocalDateTime END_TIMESTAMP = LocalDateTime.of(294_277, 1, 1, 0, 0);
    private static final long FIRST_TIMESTAMP_MICROS = toMicrosUnchecked(FIRST_TIMESTAMP);
    private static final long END_TIMESTAMP_MICROS = toMicrosUnchecked(END_TIMESTAMP);

    private PostgresEpoch() {}

    static int toDays(LocalDate date)
    {
        checkDate(date);
        return (int) (date.toEpochDay() - EPOCH_DAY);
    }

    static LocalDate fromDays(int days)
    {
        LocalDate date = LocalDate.ofEpochDay(EPOCH_DAY + days);
        checkDate(date);
        return date;
    }

    static void checkDate(LocalDate date)
    {
        if (date.isBefore(FIRST_DATE) || !date.isBefore(END_DATE)) {
            throw new DatetimeFieldOverflowException("date out of range: \"%s\"".formatted(date));
        }
    }

    static long toMicros(LocalDateTime timestamp)
    {
        // checked before converting, since far-off Java timestamps overflow a long of microseconds
        if (timestamp.isBefore(FIRST_TIMESTAMP) || !timestamp.isBefore(END_TIMESTAMP)) {
            throw timestampOutOfRange(timestamp.toString());
        }
        // rounding can still reach the end
        return checkTimestamp(toMicrosUnchecked(timestamp));
    }

    static LocalDateTime fromMicros(long micros)
    {
        checkTimestamp(micros);
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(EPOCH_SECOND + seconds, nanos, ZoneOffset.UTC);
    }

    static long checkTimestamp(long micros)
    {
        if (micros < FIRST_TIMESTAMP_MICROS || micros >= END_TIMESTAMP_MICROS) {
            throw timestampOutOfRange(Long.toString(micros));
        }
        return micros;
    }

    /** May be {@link #MICROS_PER_DAY}, 24:00:00, when the nanoseconds round up. */
    static long toMicrosOfDay(LocalTime time)
    {
        return (time.toNanoOfDay() + 500) / 1000;
    }

    private static long toMicrosUnchecked(LocalDateTime timestamp)
    {
        long seconds = timestamp.toEpochSecond(ZoneOffset.UTC) - EPOCH_SECOND;
        return seconds * 1_000_000L + (timestamp.getNano() + 500) / 1000;
    }

    private static DatetimeFieldOverflowException timestampOutOfRange(String value)
    {
        return new DatetimeFieldOverflowException("timestamp out of range: \"%s\"".formatted(value));
    }
}

package io.timefusion.trino.delta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static java.lang.Math.floorDiv;

/**
 * Timestamps in Delta statistics are ISO-8601 strings with millisecond precision (what Spark writes and
 * Delta Kernel expects), so a microsecond maximum is rounded down and must be widened when read back.
 */
public final class DeltaTimestamps
{
    private static final DateTimeFormatter STATISTICS_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DeltaTimestamps() {}

    public static String formatMillis(long epochMicros)
    {
        return STATISTICS_FORMAT.format(Instant.ofEpochMilli(floorDiv(epochMicros, 1000)));
    }

    public static long parseMicros(String value)
    {
        Instant instant = Instant.parse(value);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000), instant.getNano() / 1_000);
    }
}

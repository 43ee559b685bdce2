package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;
import java.time.LocalDateTime;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;
import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * timestamp (without time zone): text {@code 2025-03-01 12:00:00.123456}; binary Int64 microseconds since
 * 2000-01-01 00:00. {@code infinity} and {@code -infinity} are {@link LocalDateTime#MAX} and {@link LocalDateTime#MIN},
 * as in pgjdbc.
 */
final class TimestampCodec
        implements PgTypeCodec<LocalDateTime>
{
    /** DT_NOEND and DT_NOBEGIN. */
    private static final long INFINITY_MICROS = Long.MAX_VALUE;
    private static final long MINUS_INFINITY_MICROS = Long.MIN_VALUE;

    @Override
    public Class<LocalDateTime> javaType()
    {
        return LocalDateTime.class;
    }

    @Override
    public byte[] encodeText(LocalDateTime value)
    {
        if (value.equals(LocalDateTime.MAX)) {
            return "infinity".getBytes(US_ASCII);
        }
        if (value.equals(LocalDateTime.MIN)) {
            return "-infinity".getBytes(US_ASCII);
        }
        // through microseconds, so text shows the same rounding as binary
        return format(PostgresEpoch.fromMicros(PostgresEpoch.toMicros(value)), "").getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(LocalDateTime value)
    {
        long micros;
        if (value.equals(LocalDateTime.MAX)) {
            micros = INFINITY_MICROS;
        }
        else if (value.equals(LocalDateTime.MIN)) {
            micros = MINUS_INFINITY_MICROS;
        }
        else {
            micros = PostgresEpoch.toMicros(value);
        }
        return ByteBuffer.allocate(8).putLong(micros).array();
    }

    /** A date with an optional time; a zone is ignored, as timestamp_in ignores it. */
    @Override
    public LocalDateTime decodeText(byte[] text)
    {
        String input = Utf8.decode(text);
        int infinity = DateTimeInput.infinity(input);
        if (infinity != 0) {
            return infinity > 0 ? LocalDateTime.MAX : LocalDateTime.MIN;
        }
        return localDateTime(DateTimeInput.parse(input, "timestamp"), input, "timestamp");
    }

    @Override
    public LocalDateTime decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 8, "timestamp");
        long micros = ByteBuffer.wrap(binary).getLong();
        if (micros == INFINITY_MICROS) {
            return LocalDateTime.MAX;
        }
        if (micros == MINUS_INFINITY_MICROS) {
            return LocalDateTime.MIN;
        }
        return PostgresEpoch.fromMicros(micros);
    }

    /** Date plus time of day, where 24:00:00 is midnight of the next day; range-checked. */
    static LocalDateTime localDateTime(DateTimeInput.Parsed parsed, String input, String sqlTypeName)
    {
        if (parsed.date() == null) {
            throw invalidSyntax(sqlTypeName, input);
        }
        LocalDateTime timestamp = parsed.date().atStartOfDay().plusNanos(Math.max(parsed.microsOfDay(), 0) * 1000);
        PostgresEpoch.toMicros(timestamp);
        return timestamp;
    }

    /** ISO text of a timestamp already rounded to microseconds, with {@code zone} between time and era. */
    static String format(LocalDateTime timestamp, String zone)
    {
        StringBuilder text = new StringBuilder(32);
        DateTimeOutput.appendDate(text, timestamp.toLocalDate()).append(' ');
        DateTimeOutput.appendTime(text, timestamp.toLocalTime().toNanoOfDay() / 1000).append(zone);
        return DateTimeOutput.appendEra(text, timestamp.toLocalDate()).toString();
    }
}

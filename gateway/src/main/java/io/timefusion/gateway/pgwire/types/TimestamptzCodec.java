package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * timestamptz (timestamp with time zone): an instant. The session's TimeZone is UTC, so text is
 * {@code 2025-03-01 12:00:00.123456+00} and decoded values are at offset UTC; text without a zone is read as UTC.
 * Binary is Int64 microseconds since 2000-01-01 00:00 UTC. {@code infinity} and {@code -infinity} are
 * {@link OffsetDateTime#MAX} and {@link OffsetDateTime#MIN}, as in pgjdbc.
 */
final class TimestamptzCodec
        implements PgTypeCodec<OffsetDateTime>
{
    private static final long INFINITY_MICROS = Long.MAX_VALUE;
    private static final long MINUS_INFINITY_MICROS = Long.MIN_VALUE;

    @Override
    public Class<OffsetDateTime> javaType()
    {
        return OffsetDateTime.class;
    }

    @Override
    public byte[] encodeText(OffsetDateTime value)
    {
        if (value.equals(OffsetDateTime.MAX)) {
            return "infinity".getBytes(US_ASCII);
        }
        if (value.equals(OffsetDateTime.MIN)) {
            return "-infinity".getBytes(US_ASCII);
        }
        LocalDateTime utc = PostgresEpoch.fromMicros(toMicros(value));
        return TimestampCodec.format(utc, "+00").getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(OffsetDateTime value)
    {
        long micros;
        if (value.equals(OffsetDateTime.MAX)) {
            micros = INFINITY_MICROS;
        }
        else if (value.equals(OffsetDateTime.MIN)) {
            micros = MINUS_INFINITY_MICROS;
        }
        else {
            micros = toMicros(value);
        }
        return ByteBuffer.allocate(8).putLong(micros).array();
    }

    /** A date, optional time and optional zone: {@code 2025-03-01 12:00:00+01:30}, {@code 2025-03-01T12:00Z}. */
    @Override
    public OffsetDateTime decodeText(byte[] text)
    {
        String input = Utf8.decode(text);
        int infinity = DateTimeInput.infinity(input);
        if (infinity != 0) {
            return infinity > 0 ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        DateTimeInput.Parsed parsed = DateTimeInput.parse(input, "timestamp with time zone");
        LocalDateTime local = TimestampCodec.localDateTime(parsed, input, "timestamp with time zone");
        OffsetDateTime instant = parsed.zone() == null ? local.atOffset(ZoneOffset.UTC) : local.atZone(parsed.zone()).toOffsetDateTime();
        toMicros(instant);
        return instant.withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Override
    public OffsetDateTime decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 8, "timestamp with time zone");
        long micros = ByteBuffer.wrap(binary).getLong();
        if (micros == INFINITY_MICROS) {
            return OffsetDateTime.MAX;
        }
        if (micros == MINUS_INFINITY_MICROS) {
            return OffsetDateTime.MIN;
        }
        return PostgresEpoch.fromMicros(micros).atOffset(ZoneOffset.UTC);
    }

    private static long toMicros(OffsetDateTime value)
    {
        try {
            return PostgresEpoch.toMicros(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        catch (DateTimeException e) {
            // the instant lies beyond what LocalDateTime holds at UTC, further still beyond Postgres' range
            throw new DatetimeFieldOverflowException("timestamp out of range: \"%s\"".formatted(value));
        }
    }
}

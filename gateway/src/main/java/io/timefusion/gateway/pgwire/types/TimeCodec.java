package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;
import java.time.LocalTime;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;
import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * time (without time zone): text {@code 04:05:06.789}; binary Int64 microseconds since midnight. Postgres' 24:00:00
 * is {@link LocalTime#MAX}, as in pgjdbc, and a time whose nanoseconds round up to it is sent as 24:00:00.
 */
final class TimeCodec
        implements PgTypeCodec<LocalTime>
{
    @Override
    public Class<LocalTime> javaType()
    {
        return LocalTime.class;
    }

    @Override
    public byte[] encodeText(LocalTime value)
    {
        return DateTimeOutput.appendTime(new StringBuilder(15), PostgresEpoch.toMicrosOfDay(value)).toString().getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(LocalTime value)
    {
        return ByteBuffer.allocate(8).putLong(PostgresEpoch.toMicrosOfDay(value)).array();
    }

    /** Any datetime literal with a time part; a date or zone around it is ignored, as time_in ignores it. */
    @Override
    public LocalTime decodeText(byte[] text)
    {
        String input = Utf8.decode(text);
        DateTimeInput.Parsed parsed = DateTimeInput.parse(input, "time without time zone");
        if (!parsed.hasTime()) {
            throw invalidSyntax("time without time zone", input);
        }
        return fromMicrosOfDay(parsed.microsOfDay());
    }

    @Override
    public LocalTime decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 8, "time without time zone");
        long micros = ByteBuffer.wrap(binary).getLong();
        if (micros < 0 || micros > PostgresEpoch.MICROS_PER_DAY) {
            throw new DatetimeFieldOverflowException("time out of range: " + micros);
        }
        return fromMicrosOfDay(micros);
    }

    private static LocalTime fromMicrosOfDay(long micros)
    {
        return micros == PostgresEpoch.MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }
}

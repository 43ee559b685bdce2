package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;
import java.time.LocalDate;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;
import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * date: text {@code 2025-03-01} ({@code 0044-03-15 BC} before year 1); binary Int32 days since 2000-01-01. Postgres'
 * {@code infinity} and {@code -infinity} are {@link LocalDate#MAX} and {@link LocalDate#MIN}, as in pgjdbc.
 */
final class DateCodec
        implements PgTypeCodec<LocalDate>
{
    /** DATEVAL_NOEND and DATEVAL_NOBEGIN. */
    private static final int INFINITY_DAYS = Integer.MAX_VALUE;
    private static final int MINUS_INFINITY_DAYS = Integer.MIN_VALUE;

    @Override
    public Class<LocalDate> javaType()
    {
        return LocalDate.class;
    }

    @Override
    public byte[] encodeText(LocalDate value)
    {
        if (value.equals(LocalDate.MAX)) {
            return "infinity".getBytes(US_ASCII);
        }
        if (value.equals(LocalDate.MIN)) {
            return "-infinity".getBytes(US_ASCII);
        }
        PostgresEpoch.checkDate(value);
        StringBuilder text = DateTimeOutput.appendDate(new StringBuilder(13), value);
        return DateTimeOutput.appendEra(text, value).toString().getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(LocalDate value)
    {
        int days;
        if (value.equals(LocalDate.MAX)) {
            days = INFINITY_DAYS;
        }
        else if (value.equals(LocalDate.MIN)) {
            days = MINUS_INFINITY_DAYS;
        }
        else {
            days = PostgresEpoch.toDays(value);
        }
        return ByteBuffer.allocate(4).putInt(days).array();
    }

    /** Any datetime literal with a date part; a time or zone after it is ignored, as date_in ignores it. */
    @Override
    public LocalDate decodeText(byte[] text)
    {
        String input = Utf8.decode(text);
        int infinity = DateTimeInput.infinity(input);
        if (infinity != 0) {
            return infinity > 0 ? LocalDate.MAX : LocalDate.MIN;
        }
        DateTimeInput.Parsed parsed = DateTimeInput.parse(input, "date");
        if (parsed.date() == null) {
            throw invalidSyntax("date", input);
        }
        PostgresEpoch.checkDate(parsed.date());
        return parsed.date();
    }

    @Override
    public LocalDate decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 4, "date");
        int days = ByteBuffer.wrap(binary).getInt();
        return switch (days) {
            case INFINITY_DAYS -> LocalDate.MAX;
            case MINUS_INFINITY_DAYS -> LocalDate.MIN;
            default -> PostgresEpoch.fromDays(days);
        };
    }
}

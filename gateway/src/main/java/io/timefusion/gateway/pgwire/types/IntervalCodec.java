package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * interval: text in IntervalStyle=postgres ({@code 1 year 2 mons 3 days 04:05:06.789}); input also accepts ISO 8601
 * ({@code P1Y2M3DT4H5M6.789S}), see {@link IntervalInput}. Binary is Int64 microseconds, Int32 days, Int32 months.
 */
final class IntervalCodec
        implements PgTypeCodec<PgInterval>
{
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    @Override
    public Class<PgInterval> javaType()
    {
        return PgInterval.class;
    }

    @Override
    public byte[] encodeText(PgInterval value)
    {
        return format(value).getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(PgInterval value)
    {
        return ByteBuffer.allocate(16).putLong(value.microseconds()).putInt(value.days()).putInt(value.months()).array();
    }

    @Override
    public PgInterval decodeText(byte[] text)
    {
        return IntervalInput.parse(Utf8.decode(text));
    }

    @Override
    public PgInterval decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 16, "interval");
        ByteBuffer buffer = ByteBuffer.wrap(binary);
        long micros = buffer.getLong();
        int days = buffer.getInt();
        return new PgInterval(buffer.getInt(), days, micros);
    }

    /**
     * Postgres' EncodeInterval for IntervalStyle=postgres: nonzero year, mon and day parts, then the time when it is
     * nonzero or nothing else was written. A positive part after a negative one gets an explicit {@code +}.
     */
    static String format(PgInterval value)
    {
        if (value.equals(PgInterval.INFINITY)) {
            return "infinity";
        }
        if (value.equals(PgInterval.NEGATIVE_INFINITY)) {
            return "-infinity";
        }
        Parts parts = new Parts();
        parts.add(value.months() / 12, "year");
        parts.add(value.months() % 12, "mon");
        parts.add(value.days(), "day");
        long micros = value.microseconds();
        if (parts.isEmpty() || micros != 0) {
            StringBuilder text = parts.text;
            if (!parts.isEmpty()) {
                text.append(' ');
            }
            text.append(micros < 0 ? "-" : parts.previousNegative ? "+" : "");
            DateTimeOutput.appendPadded(text, Math.abs(micros / MICROS_PER_HOUR), 2).append(':');
            DateTimeOutput.appendPadded(text, Math.abs(micros % MICROS_PER_HOUR / MICROS_PER_MINUTE), 2).append(':');
            DateTimeOutput.appendSeconds(text, Math.abs(micros % MICROS_PER_MINUTE / MICROS_PER_SECOND), Math.abs(micros % MICROS_PER_SECOND));
        }
        return parts.text.toString();
    }

    private static final class Parts
    {
        private final StringBuilder text = new StringBuilder(32);
        private boolean previousNegative;

        void add(int value, String unit)
        {
            if (value == 0) {
                return;
            }
            if (!isEmpty()) {
                text.append(' ');
            }
            if (previousNegative && value > 0) {
                text.append('+');
            }
            text.append(value).append(' ').append(unit);
            if (value != 1) {
                text.append('s');
            }
            previousNegative = value < 0;
        }

        boolean isEmpty()
        {
            return text.isEmpty();
        }
    }
}

package io.timefusion.gateway.pgwire.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Pattern;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;
import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * numeric: values are {@link BigDecimal}, except NaN and the infinities, which BigDecimal cannot hold and which are
 * the {@code Double} constants, as pgjdbc returns them. Text is plain notation keeping the scale ({@code 1.50});
 * binary is Postgres' base-10000 form: Int16 digit count, Int16 weight, Int16 sign, Int16 display scale, digits.
 */
final class NumericCodec
        implements PgTypeCodec<Number>
{
    private static final short SIGN_POSITIVE = 0x0000;
    private static final short SIGN_NEGATIVE = 0x4000;
    private static final short SIGN_NAN = (short) 0xC000;
    private static final short SIGN_POSITIVE_INFINITY = (short) 0xD000;
    private static final short SIGN_NEGATIVE_INFINITY = (short) 0xF000;
    /** NUMERIC_DSCALE_MAX: the display scale has 14 bits. */
    private static final int MAX_DISPLAY_SCALE = 0x3FFF;
    /** NUMERIC_WEIGHT_MAX times 4 digits per base-10000 digit: at most 131072 digits before the point. */
    private static final int MAX_INTEGER_DIGITS = (Short.MAX_VALUE + 1) * 4;
    private static final BigInteger NBASE = BigInteger.valueOf(10_000);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public Class<Number> javaType()
    {
        return Number.class;
    }

    @Override
    public byte[] encodeText(Number value)
    {
        String text = switch (special(value)) {
            case SIGN_NAN -> "NaN";
            case SIGN_POSITIVE_INFINITY -> "Infinity";
            case SIGN_NEGATIVE_INFINITY -> "-Infinity";
            default -> toBigDecimal(value).toPlainString();
        };
        return text.getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(Number value)
    {
        short special = special(value);
        if (special != SIGN_POSITIVE) {
            return ByteBuffer.allocate(8).putShort((short) 0).putShort((short) 0).putShort(special).putShort((short) 0).array();
        }
        BigDecimal decimal = checkRange(toBigDecimal(value));
        int displayScale = Math.max(decimal.scale(), 0);
        // align the digits to base-10000 groups on both sides of the decimal point
        int fractionPadding = (4 - displayScale % 4) % 4;
        String digits = decimal.setScale(displayScale).unscaledValue().abs().multiply(BigInteger.TEN.pow(fractionPadding)).toString();
        digits = "0".repeat((4 - digits.length() % 4) % 4) + digits;
        int groupCount = digits.length() / 4;
        int weight = groupCount - (displayScale + fractionPadding) / 4 - 1;
        int first = 0;
        while (first < groupCount && isZeroGroup(digits, first)) {
            first++;
            weight--;
        }
        int end = groupCount;
        while (end > first && isZeroGroup(digits, end - 1)) {
            end--;
        }
        if (first == end) {
            weight = 0;
        }
        ByteBuffer binary = ByteBuffer.allocate(8 + 2 * (end - first))
                .putShort((short) (end - first))
                .putShort((short) weight)
                .putShort(decimal.signum() < 0 ? SIGN_NEGATIVE : SIGN_POSITIVE)
                .putShort((short) displayScale);
        for (int group = first; group < end; group++) {
            binary.putShort((short) Integer.parseInt(digits, group * 4, group * 4 + 4, 10));
        }
        return binary.array();
    }

    @Override
    public Number decodeText(byte[] text)
    {
        String input = Utf8.decode(text);
        String number = TextScanner.trimSpaces(input);
        return switch (number.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!DECIMAL.matcher(number).matches()) {
                    throw invalidSyntax("numeric", input);
                }
                BigDecimal decimal = new BigDecimal(number);
                // Postgres never keeps a negative scale: 1e5 is 100000
                yield checkRange(decimal.scale() < 0 ? decimal.setScale(0) : decimal);
            }
        };
    }

    @Override
    public Number decodeBinary(byte[] binary)
    {
        if (binary.length < 8) {
            throw invalid("expected at least 8 bytes, got " + binary.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(binary);
        int digitCount = Short.toUnsignedInt(buffer.getShort());
        int weight = buffer.getShort();
        short sign = buffer.getShort();
        int displayScale = Short.toUnsignedInt(buffer.getShort());
        if (binary.length != 8 + 2 * digitCount) {
            throw invalid("%d digits need %d bytes, got %d".formatted(digitCount, 8 + 2 * digitCount, binary.length));
        }
        switch (sign) {
            case SIGN_NAN -> {
                return Double.NaN;
            }
            case SIGN_POSITIVE_INFINITY -> {
                return Double.POSITIVE_INFINITY;
            }
            case SIGN_NEGATIVE_INFINITY -> {
                return Double.NEGATIVE_INFINITY;
            }
            case SIGN_POSITIVE, SIGN_NEGATIVE -> {}
            default -> throw invalid("invalid sign 0x%04x".formatted(sign));
        }
        if (displayScale > MAX_DISPLAY_SCALE) {
            throw invalid("invalid scale " + displayScale);
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < digitCount; i++) {
            short digit = buffer.getShort();
            if (digit < 0 || digit >= 10_000) {
                throw invalid("invalid digit " + digit);
            }
            unscaled = unscaled.multiply(NBASE).add(BigInteger.valueOf(digit));
        }
        // digits beyond the display scale are truncated, as numeric_recv does
        BigDecimal magnitude = new BigDecimal(unscaled, 4 * (digitCount - weight - 1)).setScale(displayScale, RoundingMode.DOWN);
        return sign == SIGN_NEGATIVE ? magnitude.negate() : magnitude;
    }

    private static boolean isZeroGroup(String digits, int group)
    {
        return digits.startsWith("0000", group * 4);
    }

    /** SIGN_POSITIVE for finite values, otherwise the sign word of NaN or the infinity. */
    private static short special(Number value)
    {
        if (value instanceof Double || value instanceof Float) {
            double number = value.doubleValue();
            if (Double.isNaN(number)) {
                return SIGN_NAN;
            }
            if (Double.isInfinite(number)) {
                return number > 0 ? SIGN_POSITIVE_INFINITY : SIGN_NEGATIVE_INFINITY;
            }
        }
        return SIGN_POSITIVE;
    }

    private static BigDecimal toBigDecimal(Number value)
    {
        return switch (value) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Long _, Integer _, Short _, Byte _ -> BigDecimal.valueOf(value.longValue());
            // the shortest decimal that reads back as the value, not its exact binary expansion
            case Double number -> new BigDecimal(Double.toString(number));
            case Float number -> new BigDecimal(Float.toString(number));
            default -> throw new IllegalArgumentException("not a numeric value: " + value.getClass().getName());
        };
    }

    private static BigDecimal checkRange(BigDecimal decimal)
    {
        if (decimal.scale() > MAX_DISPLAY_SCALE || decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
            throw new NumericValueOutOfRangeException("value overflows numeric format");
        }
        return decimal;
    }

    private static InvalidBinaryRepresentationException invalid(String reason)
    {
        return new InvalidBinaryRepresentationException("invalid external \"numeric\" value: " + reason);
    }
}

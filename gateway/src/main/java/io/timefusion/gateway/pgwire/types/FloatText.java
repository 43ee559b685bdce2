package io.timefusion.gateway.pgwire.types;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;

/**
 * Text of float4 and float8 as Postgres 12+ prints them when extra_float_digits is positive: the shortest decimal that
 * reads back as the same value (Ryu), in fixed notation for decimal exponents from -4 up to 5 (float4) or 14 (float8),
 * otherwise as {@code d.ddde+XX}; and {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code -0}.
 */
final class FloatText
{
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private FloatText() {}

    static String format(double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return special(value);
        }
        double magnitude = Math.abs(value);
        // since JDK 19 Double.toString gives the shortest decimal that reads back as the same double
        BigDecimal shortest = ryuShortest(new BigDecimal(Double.toString(magnitude)), new BigDecimal(magnitude),
                candidate -> Double.parseDouble(candidate.toString()) == magnitude);
        return layout(value < 0, shortest, 15);
    }

    static String format(float value)
    {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
            return special(value);
        }
        float magnitude = Math.abs(value);
        BigDecimal shortest = ryuShortest(new BigDecimal(Float.toString(magnitude)), new BigDecimal(magnitude),
                candidate -> Float.parseFloat(candidate.toString()) == magnitude);
        return layout(value < 0, shortest, 6);
    }

    static double parseDouble(String input, String sqlTypeName)
    {
        String number = TextScanner.trimSpaces(input);
        return switch (number.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!DECIMAL.matcher(number).matches()) {
                    throw invalidSyntax(sqlTypeName, input);
                }
                yield checkRange(Double.parseDouble(number), number, input, sqlTypeName);
            }
        };
    }

    static float parseFloat(String input, String sqlTypeName)
    {
        String number = TextScanner.trimSpaces(input);
        if (DECIMAL.matcher(number).matches()) {
            // parsed directly as float: rounding through double first could round twice
            return (float) checkRange(Float.parseFloat(number), number, input, sqlTypeName);
        }
        return (float) parseDouble(input, sqlTypeName);
    }

    /** Like strtod's ERANGE check in float8in: overflow to infinity and underflow of a non-zero literal to zero. */
    private static double checkRange(double value, String number, String input, String sqlTypeName)
    {
        if (Double.isInfinite(value) || (value == 0 && hasNonZeroMantissa(number))) {
            throw new NumericValueOutOfRangeException("\"%s\" is out of range for type %s".formatted(input, sqlTypeName));
        }
        return value;
    }

    private static boolean hasNonZeroMantissa(String number)
    {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String special(double value)
    {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return 1 / value < 0 ? "-0" : "0";
    }

    /**
     * Java differs from Ryu in one case: when one significant digit would do, Java may print two because they are
     * closer to the exact value (Double.MIN_VALUE is 4.9E-324 in Java, 5e-324 in Postgres). Ryu takes the one-digit
     * decimal closest to the exact value among those that read back.
     */
    private static BigDecimal ryuShortest(BigDecimal javaShortest, BigDecimal exact, Predicate<BigDecimal> readsBack)
    {
        BigDecimal decimal = javaShortest.stripTrailingZeros();
        if (decimal.precision() != 2) {
            return decimal;
        }
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(decimal.precision() - 1 - decimal.scale());
        BigDecimal down = decimal.divideToIntegralValue(unit).multiply(unit);
        BigDecimal oneDigit = null;
        for (BigDecimal candidate : List.of(down, down.add(unit))) {
            if (readsBack.test(candidate) && (oneDigit == null || distance(candidate, exact).compareTo(distance(oneDigit, exact)) < 0)) {
                oneDigit = candidate;
            }
        }
        return oneDigit == null ? decimal : oneDigit.stripTrailingZeros();
    }

    private static BigDecimal distance(BigDecimal a, BigDecimal b)
    {
        return a.subtract(b).abs();
    }

    private static String layout(boolean negative, BigDecimal magnitude, int fixedExponentLimit)
    {
        String digits = magnitude.unscaledValue().toString();
        int exponent = digits.length() - 1 - magnitude.scale();
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (negative) {
            text.append('-');
        }
        if (exponent >= -4 && exponent < fixedExponentLimit) {
            if (exponent < 0) {
                text.append("0.").repeat('0', -exponent - 1).append(digits);
            }
            else if (digits.length() <= exponent + 1) {
                text.append(digits).repeat('0', exponent + 1 - digits.length());
            }
            else {
                text.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
            }
            return text.toString();
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        int exponentMagnitude = Math.abs(exponent);
        if (exponentMagnitude < 10) {
            text.append('0');
        }
        return text.append(exponentMagnitude).toString();
    }
}

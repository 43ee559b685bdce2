package io.timefusion.gateway.pgwire.types;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;
import static java.nio.charset.StandardCharsets.US_ASCII;

/** What int2, int4 and int8 share: decimal text with the range check of Postgres' pg_strtoint functions. */
final class IntegerCodec
{
    private IntegerCodec() {}

    static byte[] encodeText(long value)
    {
        return Long.toString(value).getBytes(US_ASCII);
    }

    /** Optional surrounding whitespace and sign, then decimal digits. */
    static long decodeText(byte[] text, long min, long max, String sqlTypeName)
    {
        String input = Utf8.decode(text);
        String number = TextScanner.trimSpaces(input);
        int digitsStart = !number.isEmpty() && (number.charAt(0) == '-' || number.charAt(0) == '+') ? 1 : 0;
        if (digitsStart == number.length()) {
            throw invalidSyntax(sqlTypeName, input);
        }
        for (int i = digitsStart; i < number.length(); i++) {
            if (!TextScanner.isDigit(number.charAt(i))) {
                throw invalidSyntax(sqlTypeName, input);
            }
        }
        try {
            long value = Long.parseLong(number);
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException _) {
            // only overflow is left once the syntax is checked
        }
        throw new NumericValueOutOfRangeException("value \"%s\" is out of range for type %s".formatted(input, sqlTypeName));
    }
}

package io.timefusion.gateway.pgwire.types;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * bytea: text output is the hex format ({@code \x0aff}, bytea_output=hex); text input also accepts the older escape
 * format, which pgjdbc still sends for some values. Binary is the bytes themselves.
 */
final class ByteaCodec
        implements PgTypeCodec<byte[]>
{
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public Class<byte[]> javaType()
    {
        return byte[].class;
    }

    @Override
    public byte[] encodeText(byte[] value)
    {
        return ("\\x" + HEX.formatHex(value)).getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(byte[] value)
    {
        return value.clone();
    }

    @Override
    public byte[] decodeText(byte[] text)
    {
        if (text.length >= 2 && text[0] == '\\' && text[1] == 'x') {
            return decodeHex(text);
        }
        return decodeEscaped(text);
    }

    @Override
    public byte[] decodeBinary(byte[] binary)
    {
        return binary.clone();
    }

    /** Pairs of hex digits; whitespace may separate pairs but not split one, as in Postgres' hex_decode. */
    private static byte[] decodeHex(byte[] text)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length / 2);
        int i = 2;
        while (i < text.length) {
            if (TextScanner.isSpace((char) text[i])) {
                i++;
                continue;
            }
            int high = hexDigit(text, i);
            if (i + 1 >= text.length) {
                throw new InvalidTextRepresentationException("invalid hexadecimal data: odd number of digits");
            }
            int low = hexDigit(text, i + 1);
            bytes.write(high << 4 | low);
            i += 2;
        }
        return bytes.toByteArray();
    }

    private static int hexDigit(byte[] text, int index)
    {
        int digit = Character.digit(text[index], 16);
        if (digit < 0) {
            throw new InvalidTextRepresentationException("invalid hexadecimal digit: \"%s\"".formatted(new String(text, index, 1, UTF_8)));
        }
        return digit;
    }

    /** Bytes as they are, except {@code \\} for a backslash and {@code \ooo} for any byte in octal. */
    private static byte[] decodeEscaped(byte[] text)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length);
        int i = 0;
        while (i < text.length) {
            if (text[i] != '\\') {
                bytes.write(text[i++]);
            }
            else if (i + 1 < text.length && text[i + 1] == '\\') {
                bytes.write('\\');
                i += 2;
            }
            else if (i + 3 < text.length && isOctal(text[i + 1], '3') && isOctal(text[i + 2], '7') && isOctal(text[i + 3], '7')) {
                bytes.write((text[i + 1] - '0') << 6 | (text[i + 2] - '0') << 3 | (text[i + 3] - '0'));
                i += 4;
            }
            else {
                throw invalidSyntax("bytea", new String(text, UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isOctal(byte digit, char highest)
    {
        return digit >= '0' && digit <= highest;
    }
}

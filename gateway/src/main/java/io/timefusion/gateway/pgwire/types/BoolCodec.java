package io.timefusion.gateway.pgwire.types;

import java.util.Locale;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;

/** bool: text {@code t}/{@code f}; binary one byte. */
final class BoolCodec
        implements PgTypeCodec<Boolean>
{
    private static final byte[] TRUE_TEXT = {'t'};
    private static final byte[] FALSE_TEXT = {'f'};

    @Override
    public Class<Boolean> javaType()
    {
        return Boolean.class;
    }

    @Override
    public byte[] encodeText(Boolean value)
    {
        return (value ? TRUE_TEXT : FALSE_TEXT).clone();
    }

    @Override
    public byte[] encodeBinary(Boolean value)
    {
        return new byte[] {(byte) (value ? 1 : 0)};
    }

    /** Like Postgres' parse_bool: any prefix of true/false/yes/no, on/off (two letters at least), 1/0; any case. */
    @Override
    public Boolean decodeText(byte[] text)
    {
        String input = Utf8.decode(text);
        String word = TextScanner.trimSpaces(input).toLowerCase(Locale.ROOT);
        if (!word.isEmpty()) {
            if ("true".startsWith(word) || "yes".startsWith(word) || "on".equals(word) || "1".equals(word)) {
                return true;
            }
            if ("false".startsWith(word) || "no".startsWith(word) || (word.length() >= 2 && "off".startsWith(word)) || "0".equals(word)) {
                return false;
            }
        }
        throw invalidSyntax("boolean", input);
    }

    /** Postgres' boolrecv reads any non-zero byte as true. */
    @Override
    public Boolean decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 1, "boolean");
        return binary[0] != 0;
    }
}

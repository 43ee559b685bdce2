package io.timefusion.gateway.pgwire.types;

import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;

/** jsonb: text is the JSON document; binary is a version byte, 1, followed by the same text. */
final class JsonbCodec
        implements PgTypeCodec<String>
{
    private static final byte VERSION = 1;

    @Override
    public Class<String> javaType()
    {
        return String.class;
    }

    @Override
    public byte[] encodeText(String value)
    {
        return value.getBytes(UTF_8);
    }

    @Override
    public byte[] encodeBinary(String value)
    {
        byte[] json = value.getBytes(UTF_8);
        byte[] binary = new byte[json.length + 1];
        binary[0] = VERSION;
        System.arraycopy(json, 0, binary, 1, json.length);
        return binary;
    }

    @Override
    public String decodeText(byte[] text)
    {
        return Utf8.decode(text);
    }

    @Override
    public String decodeBinary(byte[] binary)
    {
        if (binary.length == 0 || binary[0] != VERSION) {
            throw new InvalidBinaryRepresentationException("unsupported jsonb version number %s".formatted(binary.length == 0 ? "(none)" : binary[0]));
        }
        return Utf8.decode(Arrays.copyOfRange(binary, 1, binary.length));
    }
}

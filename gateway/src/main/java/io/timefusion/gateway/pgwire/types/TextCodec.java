package io.timefusion.gateway.pgwire.types;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * text, varchar, bpchar, name, json and unknown: UTF-8 in both formats, which are identical for these types. Input
 * must be valid UTF-8 without NUL, as Postgres requires. json is not validated here: the query engine parses it.
 */
final class TextCodec
        implements PgTypeCodec<String>
{
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
        return value.getBytes(UTF_8);
    }

    @Override
    public String decodeText(byte[] text)
    {
        return Utf8.decode(text);
    }

    @Override
    public String decodeBinary(byte[] binary)
    {
        return Utf8.decode(binary);
    }
}

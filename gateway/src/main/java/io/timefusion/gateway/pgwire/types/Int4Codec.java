package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;

/** int4 (integer): decimal text; binary 4 bytes, big-endian two's complement. */
final class Int4Codec
        implements PgTypeCodec<Integer>
{
    @Override
    public Class<Integer> javaType()
    {
        return Integer.class;
    }

    @Override
    public byte[] encodeText(Integer value)
    {
        return IntegerCodec.encodeText(value);
    }

    @Override
    public byte[] encodeBinary(Integer value)
    {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    @Override
    public Integer decodeText(byte[] text)
    {
        return (int) IntegerCodec.decodeText(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
    }

    @Override
    public Integer decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 4, "integer");
        return ByteBuffer.wrap(binary).getInt();
    }
}

package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;

/** int2 (smallint): decimal text; binary 2 bytes, big-endian two's complement. */
final class Int2Codec
        implements PgTypeCodec<Short>
{
    @Override
    public Class<Short> javaType()
    {
        return Short.class;
    }

    @Override
    public byte[] encodeText(Short value)
    {
        return IntegerCodec.encodeText(value);
    }

    @Override
    public byte[] encodeBinary(Short value)
    {
        return ByteBuffer.allocate(2).putShort(value).array();
    }

    @Override
    public Short decodeText(byte[] text)
    {
        return (short) IntegerCodec.decodeText(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
    }

    @Override
    public Short decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 2, "smallint");
        return ByteBuffer.wrap(binary).getShort();
    }
}

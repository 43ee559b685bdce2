package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;

/** int8 (bigint): decimal text; binary 8 bytes, big-endian two's complement. */
final class Int8Codec
        implements PgTypeCodec<Long>
{
    @Override
    public Class<Long> javaType()
    {
        return Long.class;
    }

    @Override
    public byte[] encodeText(Long value)
    {
        return IntegerCodec.encodeText(value);
    }

    @Override
    public byte[] encodeBinary(Long value)
    {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    @Override
    public Long decodeText(byte[] text)
    {
        return IntegerCodec.decodeText(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
    }

    @Override
    public Long decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 8, "bigint");
        return ByteBuffer.wrap(binary).getLong();
    }
}

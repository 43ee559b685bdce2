package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/** float4 (real): shortest round-trip text; binary IEEE 754 single precision, big-endian. */
final class Float4Codec
        implements PgTypeCodec<Float>
{
    @Override
    public Class<Float> javaType()
    {
        return Float.class;
    }

    @Override
    public byte[] encodeText(Float value)
    {
        return FloatText.format((float) value).getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(Float value)
    {
        return ByteBuffer.allocate(4).putFloat(value).array();
    }

    @Override
    public Float decodeText(byte[] text)
    {
        return FloatText.parseFloat(Utf8.decode(text), "real");
    }

    @Override
    public Float decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 4, "real");
        return ByteBuffer.wrap(binary).getFloat();
    }
}

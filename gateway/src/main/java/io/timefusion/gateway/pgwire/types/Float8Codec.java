package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/** float8 (double precision): shortest round-trip text; binary IEEE 754 double precision, big-endian. */
final class Float8Codec
        implements PgTypeCodec<Double>
{
    @Override
    public Class<Double> javaType()
    {
        return Double.class;
    }

    @Override
    public byte[] encodeText(Double value)
    {
        return FloatText.format((double) value).getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(Double value)
    {
        return ByteBuffer.allocate(8).putDouble(value).array();
    }

    @Override
    public Double decodeText(byte[] text)
    {
        return FloatText.parseDouble(Utf8.decode(text), "double precision");
    }

    @Override
    public Double decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 8, "double precision");
        return ByteBuffer.wrap(binary).getDouble();
    }
}

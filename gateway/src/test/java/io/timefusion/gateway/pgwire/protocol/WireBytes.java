package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/** Builds protocol bytes field by field, independently of the code under test. */
final class WireBytes
{
    private final ByteBuf bytes = Unpooled.buffer();

    static WireBytes body()
    {
        return new WireBytes();
    }

    WireBytes int8(int value)
    {
        bytes.writeByte(value);
        return this;
    }

    WireBytes int16(int value)
    {
        bytes.writeShort(value);
        return this;
    }

    WireBytes int32(int value)
    {
        bytes.writeInt(value);
        return this;
    }

    WireBytes cstring(String value)
    {
        bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        bytes.writeByte(0);
        return this;
    }

    WireBytes bytes(byte[] value)
    {
        bytes.writeBytes(value);
        return this;
    }

    byte[] toArray()
    {
        return ByteBufUtil.getBytes(bytes);
    }

    /** Byte1 tag, Int32 length counting itself, body. */
    byte[] tagged(char tag)
    {
        byte[] body = toArray();
        return new WireBytes().int8(tag).int32(body.length + 4).bytes(body).toArray();
    }

    /** Int32 length counting itself, body: the shape of the startup-phase packets. */
    byte[] untagged()
    {
        byte[] body = toArray();
        return new WireBytes().int32(body.length + 4).bytes(body).toArray();
    }
}

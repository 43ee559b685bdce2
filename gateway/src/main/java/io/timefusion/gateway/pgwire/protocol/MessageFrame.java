package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Writes the frame shared by all backend messages: Byte1 tag, Int32 length counting itself, body. */
final class MessageFrame
{
    private MessageFrame() {}

    /** Writes the tag and a placeholder length; returns where the length goes for {@link #end}. */
    static int begin(ByteBuf out, char tag)
    {
        out.writeByte(tag);
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        return lengthIndex;
    }

    static void end(ByteBuf out, int lengthIndex)
    {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex);
    }

    /** A C string cannot hold NUL: one inside would end the string early and shift every later field. */
    static void writeCString(ByteBuf out, String value)
    {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string contains a NUL character: " + value.replace('\0', '?'));
        }
        ByteBufUtil.writeUtf8(out, value);
        out.writeByte(0);
    }
}

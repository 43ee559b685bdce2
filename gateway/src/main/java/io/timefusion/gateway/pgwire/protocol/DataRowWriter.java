package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Writes one DataRow straight into a buffer, column by column, so a result row never has to be collected into a
 * list of arrays first. Call {@link #begin}, then one value method per column, then {@link #end}.
 */
public final class DataRowWriter
{
    private final ByteBuf out;
    private final int lengthIndex;
    private final int columnCount;
    private int written;

    private DataRowWriter(ByteBuf out, int lengthIndex, int columnCount)
    {
        this.out = out;
        this.lengthIndex = lengthIndex;
        this.columnCount = columnCount;
    }

    public static DataRowWriter begin(ByteBuf out, int columnCount)
    {
        int lengthIndex = MessageFrame.begin(out, 'D');
        out.writeShort(BackendMessages.checkCount(columnCount, "columns"));
        return new DataRowWriter(out, lengthIndex, columnCount);
    }

    /** @param value the encoded value, or null for SQL NULL */
    public DataRowWriter value(byte[] value)
    {
        if (value == null) {
            return nullValue();
        }
        advance();
        out.writeInt(value.length);
        out.writeBytes(value);
        return this;
    }

    /** Writes text as UTF-8 without an intermediate byte array: the common case for text-format results. */
    public DataRowWriter utf8Value(CharSequence text)
    {
        advance();
        int valueLengthIndex = out.writerIndex();
        out.writeInt(0);
        int length = ByteBufUtil.writeUtf8(out, text);
        out.setInt(valueLengthIndex, length);
        return this;
    }

    public DataRowWriter nullValue()
    {
        advance();
        out.writeInt(-1);
        return this;
    }

    public void end()
    {
        if (written != columnCount) {
            throw new IllegalStateException("row has %d columns but %d values were written".formatted(columnCount, written));
        }
        MessageFrame.end(out, lengthIndex);
    }

    private void advance()
    {
        if (written == columnCount) {
            throw new IllegalStateException("row has only %d columns".formatted(columnCount));
        }
        written++;
    }
}

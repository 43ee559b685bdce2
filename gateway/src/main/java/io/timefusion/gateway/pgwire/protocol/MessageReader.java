package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one message body, checking every read against what is left so that a malformed body ends
 * in a {@link ProtocolViolationException} naming the message, never in an index error.
 */
final class MessageReader
{
    private final String messageName;
    private final ByteBuf body;

    MessageReader(String messageName, ByteBuf body)
    {
        this.messageName = messageName;
        this.body = body;
    }

    byte readByte()
    {
        require(1);
        return body.readByte();
    }

    short readInt16()
    {
        require(2);
        return body.readShort();
    }

    /** Counts are Int16 on the wire but Postgres reads them unsigned, allowing up to 65535 parameters. */
    int readCount()
    {
        require(2);
        return body.readUnsignedShort();
    }

    int readInt32()
    {
        require(4);
        return body.readInt();
    }

    byte[] readBytes(int length)
    {
        require(length);
        byte[] bytes = new byte[length];
        body.readBytes(bytes);
        return bytes;
    }

    byte[] readRemaining()
    {
        return readBytes(body.readableBytes());
    }

    String readCString()
    {
        int length = body.bytesBefore((byte) 0);
        if (length < 0) {
            throw violation("invalid string in %s message");
        }
        String value = body.toString(body.readerIndex(), length, StandardCharsets.UTF_8);
        body.skipBytes(length + 1);
        return value;
    }

    boolean isEmptyCStringNext()
    {
        return body.isReadable() && body.getByte(body.readerIndex()) == 0;
    }

    /** Postgres rejects trailing bytes too: a message longer than its fields means the client framed it wrong. */
    void expectEnd()
    {
        if (body.isReadable()) {
            throw violation("invalid %s message format: unexpected trailing bytes");
        }
    }

    ProtocolViolationException violation(String messageTemplate)
    {
        return new ProtocolViolationException(messageTemplate.formatted(messageName));
    }

    private void require(int length)
    {
        if (length < 0 || body.readableBytes() < length) {
            throw violation("insufficient data left in %s message");
        }
    }
}

package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Bind;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Close;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CopyData;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CopyDone;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CopyFail;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Describe;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Execute;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.FunctionCall;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Flush;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Parse;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.PasswordMessage;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Query;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Sync;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Target;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Terminate;

import java.util.ArrayList;
import java.util.List;

/** Turns the body of a tagged message (everything after Byte1 tag and Int32 length) into its record. */
final class TaggedMessageParser
{
    private TaggedMessageParser() {}

    static FrontendMessage parse(byte tag, ByteBuf body)
    {
        return switch (tag) {
            case 'Q' -> query(new MessageReader("Query", body));
            case 'P' -> parse(new MessageReader("Parse", body));
            case 'B' -> bind(new MessageReader("Bind", body));
            case 'D' -> describe(new MessageReader("Describe", body));
            case 'E' -> execute(new MessageReader("Execute", body));
            case 'C' -> close(new MessageReader("Close", body));
            case 'S' -> empty(new MessageReader("Sync", body), new Sync());
            case 'H' -> empty(new MessageReader("Flush", body), new Flush());
            case 'X' -> empty(new MessageReader("Terminate", body), new Terminate());
            case 'p' -> new PasswordMessage(new MessageReader("password", body).readRemaining());
            case 'd' -> new CopyData(new MessageReader("CopyData", body).readRemaining());
            case 'c' -> empty(new MessageReader("CopyDone", body), new CopyDone());
            case 'f' -> copyFail(new MessageReader("CopyFail", body));
            // the fast-path interface: framed and valid, answered as a statement the gateway does not run
            case 'F' -> new FunctionCall();
            default -> throw new ProtocolViolationException("invalid frontend message type %d ('%s')".formatted(tag & 0xFF, printable(tag)));
        };
    }

    private static Query query(MessageReader reader)
    {
        Query query = new Query(reader.readCString());
        reader.expectEnd();
        return query;
    }

    private static Parse parse(MessageReader reader)
    {
        String statementName = reader.readCString();
        String sql = reader.readCString();
        int[] parameterTypes = new int[reader.readCount()];
        for (int i = 0; i < parameterTypes.length; i++) {
            parameterTypes[i] = reader.readInt32();
        }
        reader.expectEnd();
        return new Parse(statementName, sql, parameterTypes);
    }

    private static Bind bind(MessageReader reader)
    {
        String portalName = reader.readCString();
        String statementName = reader.readCString();
        short[] parameterFormats = readFormats(reader);
        int parameterCount = reader.readCount();
        List<byte[]> values = new ArrayList<>(parameterCount);
        for (int i = 0; i < parameterCount; i++) {
            int length = reader.readInt32();
            if (length < -1) {
                throw reader.violation("invalid parameter length in %s message");
            }
            values.add(length == -1 ? null : reader.readBytes(length));
        }
        short[] resultFormats = readFormats(reader);
        reader.expectEnd();
        return new Bind(portalName, statementName, parameterFormats, values, resultFormats);
    }

    private static short[] readFormats(MessageReader reader)
    {
        short[] formats = new short[reader.readCount()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = reader.readInt16();
        }
        return formats;
    }

    private static Describe describe(MessageReader reader)
    {
        Describe describe = new Describe(target(reader), reader.readCString());
        reader.expectEnd();
        return describe;
    }

    private static Close close(MessageReader reader)
    {
        Close close = new Close(target(reader), reader.readCString());
        reader.expectEnd();
        return close;
    }

    private static Target target(MessageReader reader)
    {
        return switch (reader.readByte()) {
            case 'S' -> Target.STATEMENT;
            case 'P' -> Target.PORTAL;
            default -> throw reader.violation("invalid %s message subtype");
        };
    }

    private static Execute execute(MessageReader reader)
    {
        Execute execute = new Execute(reader.readCString(), reader.readInt32());
        reader.expectEnd();
        return execute;
    }

    private static CopyFail copyFail(MessageReader reader)
    {
        CopyFail copyFail = new CopyFail(reader.readCString());
        reader.expectEnd();
        return copyFail;
    }

    private static FrontendMessage empty(MessageReader reader, FrontendMessage message)
    {
        reader.expectEnd();
        return message;
    }

    private static String printable(byte tag)
    {
        return tag >= 0x20 && tag < 0x7F ? String.valueOf((char) tag) : "\\x%02x".formatted(tag & 0xFF);
    }
}

package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CancelRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.GssEncRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.SslRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.StartupMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the body of an untagged packet (everything after Int32 length) into its record. The first Int32 of the body
 * is a request code for the special packets and the protocol version for StartupMessage.
 */
final class StartupPacketParser
{
    static final int CANCEL_REQUEST_CODE = 80877102;
    static final int SSL_REQUEST_CODE = 80877103;
    static final int GSSENC_REQUEST_CODE = 80877104;
    static final int SUPPORTED_MAJOR_VERSION = 3;

    private StartupPacketParser() {}

    static FrontendMessage parse(ByteBuf body)
    {
        int code = body.readInt();
        return switch (code) {
            case SSL_REQUEST_CODE -> noBody(new MessageReader("SSLRequest", body), new SslRequest());
            case GSSENC_REQUEST_CODE -> noBody(new MessageReader("GSSENCRequest", body), new GssEncRequest());
            case CANCEL_REQUEST_CODE -> cancelRequest(new MessageReader("CancelRequest", body));
            default -> startupMessage(code >>> 16, code & 0xFFFF, new MessageReader("startup", body));
        };
    }

    private static FrontendMessage noBody(MessageReader reader, FrontendMessage message)
    {
        reader.expectEnd();
        return message;
    }

    private static CancelRequest cancelRequest(MessageReader reader)
    {
        CancelRequest request = new CancelRequest(reader.readInt32(), reader.readInt32());
        reader.expectEnd();
        return request;
    }

    private static StartupMessage startupMessage(int major, int minor, MessageReader reader)
    {
        if (major != SUPPORTED_MAJOR_VERSION) {
            throw new ProtocolViolationException("unsupported frontend protocol %d.%d: server supports protocol %d"
                    .formatted(major, minor, SUPPORTED_MAJOR_VERSION));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        // name/value pairs of C strings, ended by an empty name that must be the packet's last byte
        while (!reader.isEmptyCStringNext()) {
            String name = reader.readCString();
            parameters.put(name, reader.readCString());
        }
        reader.readByte();
        reader.expectEnd();
        return new StartupMessage(major, minor, parameters);
    }
}

package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.Unpooled;

import static java.util.Objects.requireNonNull;

/**
 * The body of a PasswordMessage sent in answer to AuthenticationSASL.
 *
 * @param mechanism the mechanism the client chose from the server's list
 * @param initialResponse the mechanism's first message (the SCRAM client-first-message); null if the client sent none
 */
public record SaslInitialResponse(String mechanism, byte[] initialResponse)
{
    public SaslInitialResponse
    {
        requireNonNull(mechanism, "mechanism is null");
    }

    /** Reads String mechanism, Int32 length (-1 for none), Byte[length] initial response. */
    public static SaslInitialResponse parse(byte[] payload)
    {
        MessageReader reader = new MessageReader("SASLInitialResponse", Unpooled.wrappedBuffer(payload));
        String mechanism = reader.readCString();
        int length = reader.readInt32();
        if (length < -1) {
            throw reader.violation("invalid response length in %s message");
        }
        byte[] initialResponse = length == -1 ? null : reader.readBytes(length);
        reader.expectEnd();
        return new SaslInitialResponse(mechanism, initialResponse);
    }
}

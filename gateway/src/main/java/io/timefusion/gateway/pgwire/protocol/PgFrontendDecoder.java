package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CancelRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.GssEncRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Oversized;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.SslRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.StartupMessage;

import java.util.List;

/**
 * Splits the client's byte stream into {@link FrontendMessage}s.
 *
 * <p>A connection starts with untagged packets (Int32 length including itself, Int32 code): SSLRequest and
 * GSSENCRequest, each at most once, then StartupMessage, or a lone CancelRequest. After StartupMessage every message
 * is tagged (Byte1 tag, Int32 length including itself). Only whole frames are decoded; a partial one waits for more
 * bytes.
 *
 * <p>Memory is bounded before it is spent: a length is checked against {@link MessageLimits} as soon as its header
 * arrives. Until the server fires {@link ConnectionEvent#AUTHENTICATED} every message must fit an authentication
 * message, so an unauthenticated client cannot make the server buffer more than that. Afterwards each type has its
 * limit: a Query, Parse or Bind over its own is skipped as its bytes arrive, never buffered, and handed on as
 * {@link Oversized} for the session to refuse while the connection goes on; any other message over its limit, or any
 * message over the frame limit, is a framing error.
 *
 * <p>Errors are {@link PgProtocolException}s, which Netty hands to {@code exceptionCaught} wrapped in a
 * {@link io.netty.handler.codec.DecoderException}. Framing cannot be recovered after one, so the decoder then discards
 * everything else the connection sends; the server should answer FATAL and close.
 */
public final class PgFrontendDecoder
        extends ByteToMessageDecoder
{
    /** Postgres' own bound on the startup packet (MAX_STARTUP_PACKET_LENGTH): a client sends a few short settings. */
    static final int MAX_STARTUP_PACKET_LENGTH = 10_000;

    private static final int UNTAGGED_HEADER_LENGTH = 8;
    private static final int TAGGED_HEADER_LENGTH = 5;

    private enum Phase
    {
        STARTUP, AUTHENTICATING, MESSAGES, SKIPPING, CANCELLED, FAILED
    }

    private final MessageLimits limits;
    private Phase phase = Phase.STARTUP;
    private boolean sslRequested;
    private boolean gssEncRequested;
    private long skipRemaining;

    /** @param maxMessageLength the largest accepted value of a frame's length field, which counts itself */
    public PgFrontendDecoder(int maxMessageLength)
    {
        this(MessageLimits.ofFrame(maxMessageLength));
    }

    public PgFrontendDecoder(MessageLimits limits)
    {
        this.limits = limits;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event)
            throws Exception
    {
        if (event == ConnectionEvent.AUTHENTICATED && phase == Phase.AUTHENTICATING) {
            phase = Phase.MESSAGES;
        }
        super.userEventTriggered(context, event);
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out)
    {
        try {
            FrontendMessage message = switch (phase) {
                case STARTUP -> decodeUntagged(in);
                case AUTHENTICATING -> decodeTagged(in, false);
                case MESSAGES -> decodeTagged(in, true);
                case SKIPPING -> skip(in);
                case CANCELLED -> throw new ProtocolViolationException("unexpected data after CancelRequest");
                case FAILED -> discard(in);
            };
            if (message != null) {
                out.add(message);
            }
        }
        catch (PgProtocolException e) {
            phase = Phase.FAILED;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    private static FrontendMessage discard(ByteBuf in)
    {
        in.skipBytes(in.readableBytes());
        return null;
    }

    private FrontendMessage skip(ByteBuf in)
    {
        int skipped = (int) Math.min(in.readableBytes(), skipRemaining);
        in.skipBytes(skipped);
        skipRemaining -= skipped;
        if (skipRemaining == 0) {
            phase = Phase.MESSAGES;
        }
        return null;
    }

    private FrontendMessage decodeUntagged(ByteBuf in)
    {
        if (in.readableBytes() < 4) {
            return null;
        }
        int length = in.getInt(in.readerIndex());
        if (length < UNTAGGED_HEADER_LENGTH) {
            throw new ProtocolViolationException("invalid length of startup packet: " + length);
        }
        int limit = Math.min(limits.maxFrame(), MAX_STARTUP_PACKET_LENGTH);
        if (length > limit) {
            throw new MessageTooLargeException(length, limit);
        }
        if (in.readableBytes() < length) {
            return null;
        }
        in.skipBytes(4);
        FrontendMessage message = StartupPacketParser.parse(in.readSlice(length - 4));
        switch (message) {
            case SslRequest _ -> {
                if (sslRequested) {
                    throw new ProtocolViolationException("duplicate SSLRequest");
                }
                // once TLS is settled, encryption can no longer be negotiated by GSSAPI either
                sslRequested = true;
                gssEncRequested = true;
                requireNothingBuffered(in, "SSL");
            }
            case GssEncRequest _ -> {
                if (gssEncRequested) {
                    throw new ProtocolViolationException("GSSENCRequest after encryption was already negotiated");
                }
                gssEncRequested = true;
                requireNothingBuffered(in, "GSSAPI encryption");
            }
            case CancelRequest _ -> phase = Phase.CANCELLED;
            case StartupMessage _ -> phase = Phase.AUTHENTICATING;
            default -> throw new IllegalStateException("unexpected untagged message: " + message);
        }
        return message;
    }

    /**
     * The client must wait for the one-byte answer before it sends more. Bytes already here were sent before the
     * answer, so they could have been injected by a man in the middle and would be read as if they came over the
     * encrypted channel (CVE-2021-23214); Postgres refuses them, and so do we.
     */
    private static void requireNothingBuffered(ByteBuf in, String encryption)
    {
        if (in.isReadable()) {
            throw new ProtocolViolationException("received unencrypted data after %s request".formatted(encryption));
        }
    }

    private FrontendMessage decodeTagged(ByteBuf in, boolean authenticated)
    {
        if (in.readableBytes() < TAGGED_HEADER_LENGTH) {
            return null;
        }
        byte tag = in.getByte(in.readerIndex());
        int length = in.getInt(in.readerIndex() + 1);
        if (length < 4) {
            throw new ProtocolViolationException("invalid message length: " + length);
        }
        if (length > limits.maxFrame()) {
            throw new MessageTooLargeException(length, limits.maxFrame());
        }
        int body = length - 4;
        int maxBody = authenticated ? limits.maxBody(tag) : limits.maxAuthenticationBody();
        if (body > maxBody) {
            if (authenticated && MessageLimits.skippable(tag)) {
                in.skipBytes(TAGGED_HEADER_LENGTH);
                skipRemaining = body;
                phase = Phase.SKIPPING;
                skip(in);
                return new Oversized(tag, body, maxBody);
            }
            throw new MessageTooLargeException(length, maxBody + 4);
        }
        if (in.readableBytes() < 1 + length) {
            return null;
        }
        in.skipBytes(TAGGED_HEADER_LENGTH);
        return TaggedMessageParser.parse(tag, in.readSlice(body));
    }
}

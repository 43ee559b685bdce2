package io.timefusion.gateway.server;

import io.netty.channel.Channel;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The messages a session has received and not yet handled. The event loop adds, the session's thread takes. When what
 * waits here passes PGWIRE_MAX_SESSION_INPUT the gateway stops reading the socket (Netty auto-read off), so a client
 * that pipelines while its session is busy (blocked on Trino, or writing to that same client while it does not read)
 * fills its own socket buffers instead of the gateway's heap; reading resumes once half of it is handled.
 */
final class SessionInbox
        implements MessageSource
{
    // a record's own fields, roughly, beyond its variable-length parts
    private static final long MESSAGE_OVERHEAD = 64;

    private final Channel channel;
    private final long highWater;
    private final long lowWater;
    private final BlockingQueue<FrontendMessage> messages = new LinkedBlockingQueue<>();
    private long bytes;
    private boolean paused;

    SessionInbox(Channel channel, long highWater)
    {
        this.channel = channel;
        this.highWater = highWater;
        this.lowWater = highWater / 2;
    }

    void add(FrontendMessage message)
    {
        synchronized (this) {
            messages.add(message);
            bytes += sizeOf(message);
            if (!paused && bytes > highWater) {
                paused = true;
                channel.config().setAutoRead(false);
            }
        }
    }

    @Override
    public FrontendMessage take()
            throws InterruptedException
    {
        FrontendMessage message = messages.take();
        synchronized (this) {
            bytes -= sizeOf(message);
            if (paused && bytes <= lowWater) {
                paused = false;
                channel.config().setAutoRead(true);
            }
        }
        return message;
    }

    /** What a message holds on the heap, estimated: text counted at two bytes a character; a skipped message by what was skipped. */
    static long sizeOf(FrontendMessage message)
    {
        long variable = switch (message) {
            case FrontendMessage.Query query -> 2L * query.sql().length();
            case FrontendMessage.Parse parse -> 2L * (parse.sql().length() + parse.statementName().length()) + 4L * parse.parameterTypeOids().length;
            case FrontendMessage.Bind bind -> {
                long values = 2L * (bind.portalName().length() + bind.statementName().length()) + 2L * (bind.parameterFormats().length + bind.resultFormats().length);
                for (byte[] value : bind.parameterValues()) {
                    values += value == null ? 8 : value.length + 16;
                }
                yield values;
            }
            case FrontendMessage.CopyData data -> data.data().length;
            case FrontendMessage.CopyFail fail -> 2L * fail.message().length();
            case FrontendMessage.PasswordMessage password -> password.payload().length;
            case FrontendMessage.Describe describe -> 2L * describe.name().length();
            case FrontendMessage.Execute execute -> 2L * execute.portalName().length();
            case FrontendMessage.Close close -> 2L * close.name().length();
            // not held, but read from the socket all the same: a client sending only oversized messages is stopped too
            case FrontendMessage.Oversized oversized -> oversized.bodyLength();
            default -> 0;
        };
        return MESSAGE_OVERHEAD + variable;
    }
}

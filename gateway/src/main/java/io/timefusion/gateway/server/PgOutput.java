package io.timefusion.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.util.function.Consumer;

/**
 * Writes backend messages to the client from the session's worker thread. When the socket's outbound buffer
 * is above its high-water mark the writer waits, before any message: a slow client slows the Trino result stream,
 * and a client that pipelines requests without reading the answers stalls its own session, instead of the gateway
 * buffering either.
 */
final class PgOutput
{
    private final Channel channel;
    private final Object writability = new Object();

    PgOutput(Channel channel)
    {
        this.channel = channel;
    }

    void send(Consumer<ByteBuf> message)
    {
        awaitWritableUnlessInterrupted();
        ByteBuf buffer = channel.alloc().buffer();
        try {
            message.accept(buffer);
        }
        catch (RuntimeException e) {
            buffer.release();
            throw e;
        }
        channel.write(buffer, channel.voidPromise());
    }

    void flush()
    {
        channel.flush();
    }

    /** Blocks until the client has taken enough of what was sent, or the connection is gone. */
    void awaitWritable()
            throws InterruptedException
    {
        if (channel.isWritable()) {
            return;
        }
        channel.flush();
        synchronized (writability) {
            while (!channel.isWritable() && channel.isActive()) {
                writability.wait(100);
            }
        }
    }

    private void awaitWritableUnlessInterrupted()
    {
        try {
            awaitWritable();
        }
        catch (InterruptedException e) {
            // the session is being closed: write anyway (it fails harmlessly) and let the session see the interrupt
            Thread.currentThread().interrupt();
        }
    }

    boolean isOpen()
    {
        return channel.isActive();
    }

    void close()
    {
        channel.flush();
        channel.close();
    }

    /** Called by the event loop when the channel's writability changes. */
    void writabilityChanged()
    {
        synchronized (writability) {
            writability.notifyAll();
        }
    }
}

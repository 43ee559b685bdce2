package io.timefusion.gateway.pgwire.protocol;

/**
 * A frame announced a length above the configured limit. Raised as soon as the header arrives, before the body is
 * buffered, so a client cannot make the server hold an arbitrarily large message in memory.
 */
public final class MessageTooLargeException
        extends PgProtocolException
{
    private final int length;
    private final int limit;

    public MessageTooLargeException(int length, int limit)
    {
        super("message length %d exceeds the limit of %d bytes".formatted(length, limit));
        this.length = length;
        this.limit = limit;
    }

    public int length()
    {
        return length;
    }

    public int limit()
    {
        return limit;
    }
}

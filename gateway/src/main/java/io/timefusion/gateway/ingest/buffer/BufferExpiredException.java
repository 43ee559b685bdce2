package io.timefusion.gateway.ingest.buffer;

/**
 * A query's Delta snapshot is older than rows the buffer no longer holds: they were flushed, and evicted after the
 * grace period (or sooner, when ingest needed the room), before the query fetched them. Running the query again reads
 * them from Delta.
 */
public final class BufferExpiredException
        extends Exception
{
    BufferExpiredException(String message)
    {
        super(message);
    }
}

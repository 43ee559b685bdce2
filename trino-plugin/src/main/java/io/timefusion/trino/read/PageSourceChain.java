package io.timefusion.trino.read;

import io.trino.spi.connector.ConnectorPageSource;

import java.io.IOException;
import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/** Page sources read one after the other by one reader, with their statistics summed: what a split of several parts reports. */
final class PageSourceChain
{
    private ConnectorPageSource current;
    private long closedBytes;
    private long closedPositions;
    private long closedReadTimeNanos;

    /** The part being read, or null between parts. */
    ConnectorPageSource current()
    {
        return current;
    }

    void start(ConnectorPageSource next)
    {
        if (current != null) {
            throw new IllegalStateException("the current part is still open");
        }
        current = requireNonNull(next, "next is null");
    }

    /** Closes the current part, keeping its statistics. */
    void closeCurrent()
    {
        closedBytes += current.getCompletedBytes();
        closedPositions += current.getCompletedPositions().orElse(0);
        closedReadTimeNanos += current.getReadTimeNanos();
        try {
            current.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current = null;
    }

    long completedBytes()
    {
        return closedBytes + (current == null ? 0 : current.getCompletedBytes());
    }

    long completedPositions()
    {
        return closedPositions + (current == null ? 0 : current.getCompletedPositions().orElse(0));
    }

    long readTimeNanos()
    {
        return closedReadTimeNanos + (current == null ? 0 : current.getReadTimeNanos());
    }

    long memoryUsage()
    {
        return current == null ? 0 : current.getMemoryUsage();
    }

    /** Closes the current part, if any, for good. */
    void close()
            throws IOException
    {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}

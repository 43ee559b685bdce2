package io.timefusion.gateway.ingest;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rows and bytes an ingest path (the batch queue, the write buffer) may hold, from a statement's arrival until its
 * rows leave the gateway's memory. A statement that does not fit waits for room (backpressure) and fails after the
 * wait timeout.
 *
 * <p>The failure is SQLSTATE 53400 (configuration_limit_exceeded): the gateway is short of a resource an operator
 * configured, which class 53 says, and the statement may be retried later. 57014 (query_canceled) would tell the
 * client that it or statement_timeout cancelled the statement, which neither did.
 */
public final class IngestCapacity
{
    private final String holder;
    private final String settings;
    private final long maxRows;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long rows;
    private long bytes;
    private int waiting;

    /**
     * @param holder what holds the rows, for messages ("batch queue")
     * @param settings the settings that size it, for messages ("BATCH_QUEUE_MAX_ROWS / BATCH_QUEUE_MAX_SIZE")
     */
    public IngestCapacity(String holder, String settings, long maxRows, long maxBytes)
    {
        this.holder = holder;
        this.settings = settings;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    public void reserve(long rowCount, long byteCount, Duration timeout)
            throws IngestException, InterruptedException
    {
        if (rowCount > maxRows || byteCount > maxBytes) {
            // it would wait forever: say so at once
            throw new IngestException("54000", "statement of %d rows (about %d bytes) is larger than the %s (%s: %d rows, %d bytes)"
                    .formatted(rowCount, byteCount, holder, settings, maxRows, maxBytes));
        }
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            waiting++;
            try {
                while (rows + rowCount > maxRows || bytes + byteCount > maxBytes) {
                    if (remaining <= 0) {
                        throw new IngestException("53400", "%s full: %d rows (%d bytes) held, no room within %d ms; retry later or raise %s"
                                .formatted(holder, rows, bytes, timeout.toMillis(), settings));
                    }
                    remaining = released.awaitNanos(remaining);
                }
            }
            finally {
                waiting--;
            }
            rows += rowCount;
            bytes += byteCount;
        }
        finally {
            lock.unlock();
        }
    }

    /** Room for rows that are already durable (replayed from a write-ahead log): they cannot wait. */
    public void take(long rowCount, long byteCount)
    {
        lock.lock();
        try {
            rows += rowCount;
            bytes += byteCount;
        }
        finally {
            lock.unlock();
        }
    }

    public void release(long rowCount, long byteCount)
    {
        lock.lock();
        try {
            rows -= rowCount;
            bytes -= byteCount;
            released.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Whether a statement waits for room now: the holder should free what it can. */
    public boolean hasWaiters()
    {
        lock.lock();
        try {
            return waiting > 0;
        }
        finally {
            lock.unlock();
        }
    }

    public long heldRows()
    {
        lock.lock();
        try {
            return rows;
        }
        finally {
            lock.unlock();
        }
    }

    public long heldBytes()
    {
        lock.lock();
        try {
            return bytes;
        }
        finally {
            lock.unlock();
        }
    }

    public long maxBytes()
    {
        return maxBytes;
    }
}

package io.timefusion.gateway.ingest.queue;

import io.timefusion.gateway.ingest.IngestException;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rows and bytes the queue may hold, from an INSERT's arrival until its batch is committed. An INSERT that does
 * not fit waits for committed batches to make room (backpressure) and fails after the wait timeout.
 *
 * <p>The failure is SQLSTATE 53400 (configuration_limit_exceeded): the gateway is short of a resource an operator
 * configured (BATCH_QUEUE_MAX_ROWS / BATCH_QUEUE_MAX_SIZE), which class 53 says, and the statement may be retried
 * later. 57014 (query_canceled) would tell the client that it or statement_timeout cancelled the statement, which
 * neither did.
 */
final class QueueCapacity
{
    private final long maxRows;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long rows;
    private long bytes;

    QueueCapacity(long maxRows, long maxBytes)
    {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    void reserve(long rowCount, long byteCount, Duration timeout)
            throws IngestException, InterruptedException
    {
        if (rowCount > maxRows || byteCount > maxBytes) {
            // it would wait forever: say so at once
            throw new IngestException("54000", "statement of %d rows (about %d bytes) is larger than the batch queue (BATCH_QUEUE_MAX_ROWS %d, BATCH_QUEUE_MAX_SIZE %d bytes)"
                    .formatted(rowCount, byteCount, maxRows, maxBytes));
        }
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (rows + rowCount > maxRows || bytes + byteCount > maxBytes) {
                if (remaining <= 0) {
                    throw new IngestException("53400", "batch queue full: %d rows (%d bytes) waiting to be committed, no room within %d ms; retry later or raise BATCH_QUEUE_MAX_ROWS / BATCH_QUEUE_MAX_SIZE"
                            .formatted(rows, bytes, timeout.toMillis()));
                }
                remaining = released.awaitNanos(remaining);
            }
            rows += rowCount;
            bytes += byteCount;
        }
        finally {
            lock.unlock();
        }
    }

    /** Room for batches that are already durable (replayed from the write-ahead log): they cannot wait. */
    void take(long rowCount, long byteCount)
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

    void release(long rowCount, long byteCount)
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

    long queuedRows()
    {
        lock.lock();
        try {
            return rows;
        }
        finally {
            lock.unlock();
        }
    }
}

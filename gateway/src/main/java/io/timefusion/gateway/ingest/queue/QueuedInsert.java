package io.timefusion.gateway.ingest.queue;

import io.timefusion.gateway.ingest.RowBatch;

import java.util.concurrent.CompletableFuture;

/**
 * One client statement's rows in the queue, and the answer its session waits for.
 *
 * @param arrivedNanos {@link System#nanoTime()} when it was queued: a batch is due when its oldest statement is
 * BATCH_INTERVAL_MS old
 */
record QueuedInsert(RowBatch rows, long bytes, long arrivedNanos, CompletableFuture<Long> acknowledged)
{
    QueuedInsert(RowBatch rows, long bytes)
    {
        this(rows, bytes, System.nanoTime(), new CompletableFuture<>());
    }
}

package io.timefusion.gateway.ingest.queue;

import io.timefusion.gateway.ingest.RowBatch;

import java.util.concurrent.CompletableFuture;

/** One client statement's rows in the queue, and the answer its session waits for. */
record QueuedInsert(RowBatch rows, long bytes, CompletableFuture<Long> acknowledged)
{
    QueuedInsert(RowBatch rows, long bytes)
    {
        this(rows, bytes, new CompletableFuture<>());
    }
}

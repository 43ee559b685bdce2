package io.timefusion.gateway.ingest.queue.wal;

import io.timefusion.gateway.ingest.RowBatch;

/** What the write-ahead log holds: batches, and marks that a batch was committed and need not be replayed. */
sealed interface WalRecord
{
    record Batch(long sequence, RowBatch rows)
            implements WalRecord {}

    record Committed(long sequence)
            implements WalRecord {}
}

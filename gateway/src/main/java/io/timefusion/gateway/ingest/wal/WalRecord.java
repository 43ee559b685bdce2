package io.timefusion.gateway.ingest.wal;

import io.timefusion.gateway.ingest.RowBatch;

/**
 * What the write-ahead log holds: the rows of each acknowledged statement under its sequence, and the progress of the
 * flushes that write them to Delta. Sequences are this gateway's Delta txn versions, so they only ever grow.
 */
public sealed interface WalRecord
{
    /** The rows of one INSERT or COPY, acknowledged once this record is fsynced. */
    record Statement(long sequence, RowBatch rows)
            implements WalRecord {}

    /**
     * A flush of {@code table} is about to write the statements with sequences in ({@code after}, {@code through}],
     * with txn version {@code through}. Fsynced before the write: after a crash the same range is written again, so
     * that Delta's txn check (a version at or below the committed one is skipped) sees the same version for the
     * same rows and never stores them twice.
     */
    record FlushStarted(String table, long after, long through)
            implements WalRecord {}

    /** Every statement of {@code table} up to {@code through} is committed to Delta. */
    record Flushed(String table, long through)
            implements WalRecord {}
}

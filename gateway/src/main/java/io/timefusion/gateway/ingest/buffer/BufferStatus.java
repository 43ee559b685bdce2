package io.timefusion.gateway.ingest.buffer;

import io.timefusion.gateway.ingest.IngestCapacity;

import java.util.List;
import java.util.Optional;

/**
 * The write buffer at a glance, for /health, /status and /metrics.
 *
 * @param heldRows rows in memory: not yet flushed, or flushed and in their grace period
 * @param oldestUnflushedSeconds how long the oldest row not yet in Delta has waited
 * @param walStatements statements appended to the write-ahead log since start; over {@code walFsyncs}, the statements
 * one fsync carried on average (group commit)
 */
public record BufferStatus(
        long heldRows,
        long heldBytes,
        long maxBytes,
        long unflushedRows,
        long unflushedBytes,
        Optional<Double> oldestUnflushedSeconds,
        long walBytes,
        long walFsyncs,
        long walStatements,
        FlushMetrics flushes)
{
    static BufferStatus of(List<TableBuffer.Stats> tables, IngestCapacity capacity, long walBytes, long walFsyncs, long walStatements, FlushMetrics flushes)
    {
        long now = System.nanoTime();
        long heldRows = 0;
        long heldBytes = 0;
        long unflushedRows = 0;
        long unflushedBytes = 0;
        Optional<Long> oldest = Optional.empty();
        for (TableBuffer.Stats table : tables) {
            heldRows += table.heldRows();
            heldBytes += table.heldBytes();
            unflushedRows += table.unflushedRows();
            unflushedBytes += table.unflushedBytes();
            if (table.oldestUnflushedNanos().isPresent() && (oldest.isEmpty() || table.oldestUnflushedNanos().get() < oldest.get())) {
                oldest = table.oldestUnflushedNanos();
            }
        }
        return new BufferStatus(heldRows, heldBytes, capacity.maxBytes(), unflushedRows, unflushedBytes, oldest.map(nanos -> (now - nanos) / 1e9),
                walBytes, walFsyncs, walStatements, flushes);
    }
}

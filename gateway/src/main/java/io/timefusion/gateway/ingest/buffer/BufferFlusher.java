package io.timefusion.gateway.ingest.buffer;

import io.airlift.log.Logger;
import io.timefusion.gateway.ingest.BatchMerger;
import io.timefusion.gateway.ingest.BatchTxn;
import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.IngestCapacity;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.ingest.wal.WalRecord;
import io.timefusion.gateway.ingest.wal.WriteAheadLog;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes one table's buffered statements to Delta in the background, in sequence order, as one Trino INSERT per flush
 * carrying txn(gateway id, last sequence of the flush): every BATCH_INTERVAL_MS, or at once when MAX_BATCH_SIZE rows
 * or half the buffer's room are waiting, or a statement waits for room. A flush takes all that waits, up to
 * MAX_BATCH_SIZE rows, so a backlog becomes a few large writes, never many small ones; of rows written twice within it
 * (same project, timestamp and id) only the last is written ({@link LatestWrites}). A failed write is retried with
 * backoff until it commits: its rows are acknowledged and must reach Delta. It also evicts flushed statements once
 * their grace period is over.
 */
final class BufferFlusher
{
    private static final Logger log = Logger.get(BufferFlusher.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY_DELAY = Duration.ofSeconds(10);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final TableBuffer buffer;
    private final WriteAheadLog wal;
    private final BatchWriter writer;
    private final String appId;
    private final IngestCapacity capacity;
    private final FlushMetrics metrics;
    private final long maxBatchRows;
    private final long intervalNanos;
    private final long graceNanos;
    private final Deque<WalRecord.FlushStarted> unfinished;
    private volatile long drainDeadlineNanos;
    private volatile boolean draining;
    // a row change (UPDATE, DELETE) waits for everything acknowledged up to this sequence to be in Delta
    private volatile long requestedThrough;
    private long lastFlushNanos = System.nanoTime();
    private Thread thread;

    BufferFlusher(TableBuffer buffer, WriteAheadLog wal, BatchWriter writer, String appId, IngestCapacity capacity, FlushMetrics metrics, long maxBatchRows, Duration interval,
            Duration grace, List<WalRecord.FlushStarted> unfinished)
    {
        this.buffer = buffer;
        this.wal = wal;
        this.writer = writer;
        this.appId = appId;
        this.capacity = capacity;
        this.metrics = metrics;
        this.maxBatchRows = maxBatchRows;
        this.intervalNanos = interval.toNanos();
        this.graceNanos = grace.toNanos();
        this.unfinished = new ArrayDeque<>(unfinished);
    }

    void start()
    {
        thread = Thread.ofPlatform().name("buffer-flush-" + buffer.table()).daemon().start(this::run);
    }

    /** A statement was added or waits for room: look again now rather than at the next tick. */
    void wake()
    {
        LockSupport.unpark(thread);
    }

    /** Flushes now, without waiting for the interval or a full batch, until everything up to {@code through} is in Delta. */
    void requestFlush(long through)
    {
        if (through > requestedThrough) {
            requestedThrough = through;
        }
        wake();
    }

    /**
     * Flushes everything buffered, retrying failed writes until the deadline, and stops. What is not flushed by then
     * stays in the write-ahead log and is flushed at the next start.
     */
    void drain(long deadlineNanos)
            throws InterruptedException
    {
        drainDeadlineNanos = deadlineNanos;
        draining = true;
        wake();
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            thread.join(Duration.ofNanos(remaining));
        }
        thread.interrupt();
        thread.join();
    }

    private void run()
    {
        while (true) {
            try {
                runUntilStopped();
                return;
            }
            catch (RuntimeException e) {
                // a bug, not a failed write: flushing must not stop for good, and /health must say it fails
                metrics.failed(e.toString());
                log.error(e, "Flushing %s failed unexpectedly; trying again in a second", buffer.table());
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                if (Thread.interrupted()) {
                    return;
                }
            }
        }
    }

    private void runUntilStopped()
    {
        try {
            while (true) {
                evict();
                if (!unfinished.isEmpty()) {
                    WalRecord.FlushStarted flush = unfinished.peek();
                    // written before the crash as exactly this range: again as this range, so that its txn matches
                    flush(buffer.range(flush.after(), flush.through()), flush.after(), flush.through(), false);
                    unfinished.poll();
                    continue;
                }
                if (draining && buffer.unflushedRows() == 0) {
                    return;
                }
                if (isDue()) {
                    List<BufferedStatement> statements = buffer.nextFlush(maxBatchRows);
                    flush(statements, buffer.flushedThrough(), statements.getLast().sequence(), true);
                    continue;
                }
                LockSupport.parkNanos(TICK_NANOS);
                if (Thread.interrupted()) {
                    return;
                }
            }
        }
        catch (InterruptedException e) {
            // stopping: what is not flushed stays in the log
        }
    }

    private boolean isDue()
    {
        long rows = buffer.unflushedRows();
        if (rows == 0) {
            return false;
        }
        return draining
                || buffer.flushedThrough() < requestedThrough
                || rows >= maxBatchRows
                || buffer.unflushedBytes() >= capacity.maxBytes() / 2
                || capacity.hasWaiters()
                || System.nanoTime() - lastFlushNanos >= intervalNanos;
    }

    private void flush(List<BufferedStatement> statements, long after, long through, boolean logStart)
            throws InterruptedException
    {
        long started = System.nanoTime();
        lastFlushNanos = started;
        RowBatch merged = BatchMerger.merge(buffer.table(), statements.stream().map(BufferedStatement::rows).toList());
        RowBatch rows = newestFirst(LatestWrites.of(merged));
        metrics.started();
        try {
            if (logStart) {
                retryUntilDone(() -> wal.flushStarted(buffer.table(), after, through), "record the start of the flush through " + through);
            }
            BatchTxn txn = new BatchTxn(appId, through);
            if (rows.rowCount() > 0) {
                retryUntilDone(() -> writer.write(rows, Optional.of(txn)), "flush %d rows of %s through sequence %d".formatted(rows.rowCount(), buffer.table(), through));
            }
            wal.flushed(buffer.table(), through);
            buffer.flushed(through, System.nanoTime());
            metrics.succeeded(rows.rowCount(), merged.rowCount() - rows.rowCount(), System.nanoTime() - started);
        }
        finally {
            metrics.ended();
        }
    }

    /**
     * The rows in the order the plugin writes them in a data file (newest timestamp first, a stable sort): sorted here,
     * on the rows' references, the plugin writes its pages as they come instead of copying every value into that order.
     */
    private static RowBatch newestFirst(RowBatch batch)
    {
        int timestamp = batch.columns().indexOf(BufferColumns.TIMESTAMP);
        if (timestamp < 0) {
            return batch;
        }
        List<Object[]> rows = new ArrayList<>(batch.rows());
        rows.sort(Comparator.comparing((Object[] row) -> (Instant) row[timestamp], Comparator.nullsLast(Comparator.reverseOrder())));
        return new RowBatch(batch.table(), batch.columns(), rows);
    }

    private interface Attempt
    {
        void run()
                throws IOException, SQLException;
    }

    private void retryUntilDone(Attempt attempt, String what)
            throws InterruptedException
    {
        Duration delay = FIRST_RETRY_DELAY;
        while (true) {
            try {
                attempt.run();
                return;
            }
            catch (IOException | SQLException | RuntimeException e) {
                metrics.failed(e.getMessage());
                log.warn("Could not %s, retrying in %s: %s", what, delay, e.getMessage());
            }
            if (draining && System.nanoTime() + delay.toNanos() > drainDeadlineNanos) {
                throw new InterruptedException("the shutdown timeout ended the retries");
            }
            Thread.sleep(delay);
            delay = delay.multipliedBy(2).compareTo(LAST_RETRY_DELAY) > 0 ? LAST_RETRY_DELAY : delay.multipliedBy(2);
        }
    }

    private void evict()
    {
        TableBuffer.Evicted evicted = buffer.evict(System.nanoTime() - graceNanos, capacity.hasWaiters());
        if (evicted.rows() > 0) {
            capacity.release(evicted.rows(), evicted.bytes());
        }
    }
}

package io.timefusion.gateway.ingest.queue;

import io.timefusion.gateway.ingest.BatchMerger;
import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.IngestCapacity;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.RowBatch;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of one table. Statements wait in arrival order; a batch is cut when they hold MAX_BATCH_SIZE rows or the
 * oldest waited the interval (a statement is never split, so one larger than MAX_BATCH_SIZE is a batch of its own).
 * Batches of one table are written one after another: Delta commits to one table serialize anyway, and while one is
 * written the next fills up, which is where the coalescing comes from. Each statement is answered once its batch's
 * write returned, with its error if it failed.
 */
final class TableBatcher
{
    private final String table;
    private final BatchWriter writer;
    private final IngestCapacity capacity;
    private final int maxBatchRows;
    private final long intervalNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<QueuedInsert> pending = new ArrayDeque<>();
    private long pendingRows;
    private boolean draining;
    private Thread cutter;

    TableBatcher(String table, BatchWriter writer, IngestCapacity capacity, int maxBatchRows, Duration interval)
    {
        this.table = table;
        this.writer = writer;
        this.capacity = capacity;
        this.maxBatchRows = maxBatchRows;
        this.intervalNanos = interval.toNanos();
    }

    void start()
    {
        cutter = Thread.ofVirtual().name("batch-queue-" + table).start(this::cutBatches);
    }

    void add(QueuedInsert insert)
    {
        lock.lock();
        try {
            pending.add(insert);
            pendingRows += insert.rows().rowCount();
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Writes everything queued without waiting for the interval, and waits until it is written (or the deadline). */
    void drain(long deadlineNanos)
            throws InterruptedException
    {
        lock.lock();
        try {
            draining = true;
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            cutter.join(Duration.ofNanos(remaining));
        }
        cutter.interrupt();
    }

    private void cutBatches()
    {
        try {
            while (true) {
                List<QueuedInsert> batch = nextBatch();
                if (batch.isEmpty()) {
                    return;
                }
                writeAndAnswer(batch);
            }
        }
        catch (InterruptedException e) {
            failPending(IngestException.shuttingDown());
        }
    }

    /** Blocks until a batch is due; empty once draining has nothing left. */
    private List<QueuedInsert> nextBatch()
            throws InterruptedException
    {
        lock.lock();
        try {
            while (true) {
                if (!pending.isEmpty()) {
                    long age = System.nanoTime() - pending.peek().arrivedNanos();
                    if (draining || pendingRows >= maxBatchRows || age >= intervalNanos) {
                        break;
                    }
                    changed.awaitNanos(intervalNanos - age);
                }
                else if (draining) {
                    return List.of();
                }
                else {
                    changed.await();
                }
            }
            List<QueuedInsert> batch = new ArrayList<>();
            long rows = 0;
            while (!pending.isEmpty() && (batch.isEmpty() || rows + pending.peek().rows().rowCount() <= maxBatchRows)) {
                QueuedInsert insert = pending.poll();
                rows += insert.rows().rowCount();
                batch.add(insert);
            }
            pendingRows -= rows;
            return batch;
        }
        finally {
            lock.unlock();
        }
    }

    private void writeAndAnswer(List<QueuedInsert> batch)
    {
        try {
            write(batch);
        }
        finally {
            release(batch);
        }
    }

    private void write(List<QueuedInsert> batch)
    {
        RowBatch rows = BatchMerger.merge(table, batch.stream().map(QueuedInsert::rows).toList());
        try {
            writer.write(rows, Optional.empty());
            batch.forEach(insert -> insert.acknowledged().complete((long) insert.rows().rowCount()));
        }
        catch (SQLException | RuntimeException e) {
            if (batch.size() > 1 && isAboutTheRows(e)) {
                // one statement's rows failed the whole batch: write each on its own so that only that one fails
                batch.forEach(insert -> write(List.of(insert)));
                return;
            }
            batch.forEach(insert -> insert.acknowledged().completeExceptionally(e));
        }
    }

    private void release(List<QueuedInsert> batch)
    {
        for (QueuedInsert insert : batch) {
            capacity.release(insert.rows().rowCount(), insert.bytes());
        }
    }

    /** A data exception (22) or integrity violation (23): a row's fault, not the storage's or Trino's. */
    private static boolean isAboutTheRows(Exception failure)
    {
        return failure instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"));
    }

    private void failPending(SQLException failure)
    {
        lock.lock();
        try {
            for (QueuedInsert insert : pending) {
                insert.acknowledged().completeExceptionally(failure);
                capacity.release(insert.rows().rowCount(), insert.bytes());
            }
            pending.clear();
            pendingRows = 0;
        }
        finally {
            lock.unlock();
        }
    }
}

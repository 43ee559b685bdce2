package io.timefusion.gateway.ingest.queue;

import io.airlift.log.Logger;
import io.timefusion.gateway.ingest.BatchTxn;
import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.ingest.queue.wal.WriteAheadLog;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of one table. Statements wait in arrival order; a batch is cut when they hold MAX_BATCH_SIZE rows or
 * the oldest is BATCH_INTERVAL_MS old (a statement is never split, so one larger than MAX_BATCH_SIZE is a batch of
 * its own). Batches of one table are written one after another: Delta commits to one table serialize anyway, and
 * while one is written the next fills up, which is where the coalescing comes from.
 *
 * <p>Without a write-ahead log a batch's statements are answered when its write returned, with its error if it
 * failed. With one (BATCH_ACK=local) they are answered once the batch is appended and fsynced; the write follows
 * in the background and is retried until it succeeds, in order: its txn version must commit before any later
 * version of this table, or Delta would skip it as already superseded.
 */
final class TableBatcher
{
    private static final Logger log = Logger.get(TableBatcher.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY_DELAY = Duration.ofSeconds(10);

    private final String table;
    private final BatchWriter writer;
    private final QueueCapacity capacity;
    private final Optional<WriteAheadLog> wal;
    private final int maxBatchRows;
    private final long intervalNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<QueuedInsert> pending = new ArrayDeque<>();
    private final Deque<LoggedBatch> logged = new ArrayDeque<>();
    private long pendingRows;
    private boolean draining;
    private final List<Thread> threads = new ArrayList<>();

    /** A batch in the write-ahead log, not yet committed; its statements are already answered. */
    record LoggedBatch(long sequence, RowBatch rows, long bytes) {}

    TableBatcher(String table, BatchWriter writer, QueueCapacity capacity, Optional<WriteAheadLog> wal, int maxBatchRows, Duration interval)
    {
        this.table = table;
        this.writer = writer;
        this.capacity = capacity;
        this.wal = wal;
        this.maxBatchRows = maxBatchRows;
        this.intervalNanos = interval.toNanos();
    }

    void start()
    {
        threads.add(Thread.ofVirtual().name("batch-queue-" + table).start(this::cutBatches));
        if (wal.isPresent()) {
            threads.add(Thread.ofVirtual().name("batch-writer-" + table).start(this::writeLoggedBatches));
        }
    }

    /** A batch found in the write-ahead log at start: written before anything queued after it. */
    void recover(LoggedBatch batch)
    {
        lock.lock();
        try {
            logged.add(batch);
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
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
        for (Thread thread : threads) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining > 0) {
                thread.join(Duration.ofNanos(remaining));
            }
            thread.interrupt();
        }
    }

    private void cutBatches()
    {
        try {
            while (true) {
                List<QueuedInsert> batch = nextBatch();
                if (batch.isEmpty()) {
                    return;
                }
                RowBatch rows = BatchMerger.merge(table, batch.stream().map(QueuedInsert::rows).toList());
                long bytes = batch.stream().mapToLong(QueuedInsert::bytes).sum();
                if (wal.isPresent()) {
                    log(batch, rows, bytes);
                }
                else {
                    writeAndAnswer(batch, rows, bytes);
                }
            }
        }
        catch (InterruptedException e) {
            failPending(new IngestException("57P01", "terminating statement because the gateway is shutting down"));
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

    private void writeAndAnswer(List<QueuedInsert> batch, RowBatch rows, long bytes)
    {
        try {
            writer.write(rows, Optional.empty());
            for (QueuedInsert insert : batch) {
                insert.acknowledged().complete((long) insert.rows().rowCount());
            }
        }
        catch (SQLException | RuntimeException e) {
            for (QueuedInsert insert : batch) {
                insert.acknowledged().completeExceptionally(e);
            }
        }
        finally {
            capacity.release(rows.rowCount(), bytes);
        }
    }

    private void log(List<QueuedInsert> batch, RowBatch rows, long bytes)
    {
        long sequence;
        try {
            sequence = wal.orElseThrow().append(rows);
        }
        catch (RuntimeException e) {
            // not durable anywhere: the statements fail, as they would have without the log
            SQLException failure = new IngestException("58030", "could not write the batch queue's write-ahead log: " + e.getMessage(), e);
            for (QueuedInsert insert : batch) {
                insert.acknowledged().completeExceptionally(failure);
            }
            capacity.release(rows.rowCount(), bytes);
            return;
        }
        recover(new LoggedBatch(sequence, rows, bytes));
        for (QueuedInsert insert : batch) {
            insert.acknowledged().complete((long) insert.rows().rowCount());
        }
    }

    private void writeLoggedBatches()
    {
        WriteAheadLog log = wal.orElseThrow();
        try {
            while (true) {
                LoggedBatch batch = nextLogged();
                if (batch == null) {
                    return;
                }
                writeUntilCommitted(batch, log.txn(batch.sequence()));
                log.committed(batch.sequence());
                lock.lock();
                try {
                    logged.poll();
                    changed.signalAll();
                }
                finally {
                    lock.unlock();
                }
                capacity.release(batch.rows().rowCount(), batch.bytes());
            }
        }
        catch (InterruptedException e) {
            // shutting down: what is not committed stays in the log and is written at the next start
        }
    }

    private LoggedBatch nextLogged()
            throws InterruptedException
    {
        lock.lock();
        try {
            while (logged.isEmpty()) {
                // the cutter has finished once draining left nothing pending
                if (draining && pending.isEmpty() && !cutterAlive()) {
                    return null;
                }
                changed.await(100, TimeUnit.MILLISECONDS);
            }
            return logged.peek();
        }
        finally {
            lock.unlock();
        }
    }

    private boolean cutterAlive()
    {
        return threads.getFirst().isAlive();
    }

    private void writeUntilCommitted(LoggedBatch batch, BatchTxn txn)
            throws InterruptedException
    {
        Duration delay = FIRST_RETRY_DELAY;
        while (true) {
            try {
                writer.write(batch.rows(), Optional.of(txn));
                return;
            }
            catch (SQLException | RuntimeException e) {
                log.warn("Writing logged batch %d of %s (%d rows) failed, retrying in %s: %s", batch.sequence(), table, batch.rows().rowCount(), delay, e.getMessage());
                Thread.sleep(delay);
                delay = delay.multipliedBy(2).compareTo(LAST_RETRY_DELAY) > 0 ? LAST_RETRY_DELAY : delay.multipliedBy(2);
            }
        }
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

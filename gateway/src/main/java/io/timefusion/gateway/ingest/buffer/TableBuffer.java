package io.timefusion.gateway.ingest.buffer;

import io.timefusion.contract.BufferRowsRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The acknowledged statements of one table held in memory, in sequence order: those not yet flushed to Delta, and
 * those flushed less than the grace period ago, which a query that read its Delta snapshot just before the flush
 * committed still needs. Indexed by partition for reads. Thread-safe: the log writer adds, the flusher cuts, marks and
 * evicts, Trino workers read.
 */
final class TableBuffer
{
    private final String table;
    private final ArrayDeque<BufferedStatement> statements = new ArrayDeque<>();
    private final Map<PartitionKey, ArrayDeque<BufferedStatement>> partitions = new HashMap<>();
    // flushes whose statements are still held: when each committed, so that the grace period counts from there
    private final ArrayDeque<FlushMark> flushes = new ArrayDeque<>();
    // per project, the highest sequence of its rows that left memory: a query whose watermark is below it would miss them
    private final Map<String, Long> evictedThrough = new HashMap<>();
    private long flushedThrough;
    private long unflushedRows;
    private long unflushedBytes;

    private record FlushMark(long through, long committedNanos) {}

    /** The rows of one statement in one partition, as a query gets them. */
    record Chunk(List<String> columns, List<Object[]> rows) {}

    /** Statements that left memory, for the caller to release their room. */
    record Evicted(long rows, long bytes) {}

    /** The figures of /health and /metrics. */
    record Stats(long heldRows, long heldBytes, long unflushedRows, long unflushedBytes, Optional<Long> oldestUnflushedNanos) {}

    /** @param flushedThrough the sequence up to which the log says this table is flushed (0 for none) */
    TableBuffer(String table, long flushedThrough)
    {
        this.table = table;
        this.flushedThrough = flushedThrough;
    }

    String table()
    {
        return table;
    }

    synchronized void add(BufferedStatement statement)
    {
        checkArgument(statements.isEmpty() || statement.sequence() > statements.getLast().sequence(), "sequences must grow");
        checkArgument(statement.sequence() > flushedThrough, "statement %s is already flushed", statement.sequence());
        statements.add(statement);
        statement.partitions().keySet().forEach(key -> partitions.computeIfAbsent(key, _ -> new ArrayDeque<>()).add(statement));
        unflushedRows += statement.rowCount();
        unflushedBytes += statement.bytes();
    }

    synchronized long flushedThrough()
    {
        return flushedThrough;
    }

    /** The sequence of the newest statement held (acknowledged), or what is flushed when none is held. */
    synchronized long lastSequence()
    {
        return statements.isEmpty() ? flushedThrough : Math.max(flushedThrough, statements.getLast().sequence());
    }

    /**
     * Waits until everything up to {@code through} is committed to Delta.
     *
     * @return false when the deadline came first
     */
    synchronized boolean awaitFlushed(long through, long deadlineNanos)
            throws InterruptedException
    {
        while (flushedThrough < through) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }

    synchronized long unflushedRows()
    {
        return unflushedRows;
    }

    synchronized long unflushedBytes()
    {
        return unflushedBytes;
    }

    /**
     * The next flush: the unflushed statements in order, as many as fit in {@code maxRows} (at least one: a statement
     * is never split).
     */
    synchronized List<BufferedStatement> nextFlush(long maxRows)
    {
        List<BufferedStatement> flush = new ArrayList<>();
        long rows = 0;
        for (BufferedStatement statement : statements) {
            if (statement.sequence() <= flushedThrough) {
                continue;
            }
            if (!flush.isEmpty() && rows + statement.rowCount() > maxRows) {
                break;
            }
            flush.add(statement);
            rows += statement.rowCount();
        }
        return flush;
    }

    /** The held statements with sequences in ({@code after}, {@code through}]: a flush the log says was interrupted. */
    synchronized List<BufferedStatement> range(long after, long through)
    {
        return statements.stream().filter(statement -> statement.sequence() > after && statement.sequence() <= through).toList();
    }

    /** Everything up to {@code through} is committed to Delta; it stays readable for the grace period. */
    synchronized void flushed(long through, long committedNanos)
    {
        checkArgument(through >= flushedThrough, "flushes must move forward");
        for (BufferedStatement statement : statements) {
            if (statement.sequence() > through) {
                break;
            }
            if (statement.sequence() > flushedThrough) {
                unflushedRows -= statement.rowCount();
                unflushedBytes -= statement.bytes();
            }
        }
        flushedThrough = through;
        flushes.add(new FlushMark(through, committedNanos));
        notifyAll();
    }

    /**
     * Drops the flushed statements whose flush committed before {@code cutoffNanos}, or, when {@code all}, every
     * flushed statement (the room is needed for new ones).
     */
    synchronized Evicted evict(long cutoffNanos, boolean all)
    {
        long rows = 0;
        long bytes = 0;
        while (!statements.isEmpty() && statements.peek().sequence() <= flushedThrough) {
            BufferedStatement statement = statements.peek();
            while (!flushes.isEmpty() && flushes.peek().through() < statement.sequence()) {
                flushes.poll();
            }
            if (!all && !flushes.isEmpty() && flushes.peek().committedNanos() >= cutoffNanos) {
                break;
            }
            statements.poll();
            for (PartitionKey key : statement.partitions().keySet()) {
                ArrayDeque<BufferedStatement> partition = partitions.get(key);
                partition.poll();
                if (partition.isEmpty()) {
                    partitions.remove(key);
                }
                evictedThrough.merge(key.projectId(), statement.sequence(), Math::max);
            }
            rows += statement.rowCount();
            bytes += statement.bytes();
        }
        return new Evicted(rows, bytes);
    }

    /** The rows of the query's partitions above its watermarks, a chunk per statement and partition, in sequence order per partition. */
    synchronized List<Chunk> select(BufferRowsRequest query)
            throws BufferExpiredException
    {
        for (Map.Entry<String, Long> evicted : evictedThrough.entrySet()) {
            String projectId = evicted.getKey();
            Optional<Long> watermark = query.watermark(projectId);
            if (query.includesProject(projectId) && watermark.isPresent() && evicted.getValue() > watermark.get()) {
                throw new BufferExpiredException("rows of project %s up to sequence %d were flushed and have left the buffer, but the query's Delta snapshot holds them only up to %d: run the query again"
                        .formatted(projectId, evicted.getValue(), watermark.get()));
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        for (Map.Entry<PartitionKey, ArrayDeque<BufferedStatement>> partition : partitions.entrySet()) {
            PartitionKey key = partition.getKey();
            Optional<Long> watermark = query.watermark(key.projectId());
            if (watermark.isEmpty() || !query.includesProject(key.projectId()) || !query.includesDay(key.epochDay())) {
                continue;
            }
            List<Chunk> newest = new ArrayList<>();
            Iterator<BufferedStatement> descending = partition.getValue().descendingIterator();
            while (descending.hasNext()) {
                BufferedStatement statement = descending.next();
                if (statement.sequence() <= watermark.get()) {
                    break;
                }
                newest.add(new Chunk(statement.rows().columns(), statement.partitions().get(key)));
            }
            chunks.addAll(newest.reversed());
        }
        return chunks;
    }

    synchronized Stats stats()
    {
        long rows = 0;
        long bytes = 0;
        Optional<Long> oldestUnflushed = Optional.empty();
        for (BufferedStatement statement : statements) {
            rows += statement.rowCount();
            bytes += statement.bytes();
            if (oldestUnflushed.isEmpty() && statement.sequence() > flushedThrough) {
                oldestUnflushed = Optional.of(statement.bufferedNanos());
            }
        }
        return new Stats(rows, bytes, unflushedRows, unflushedBytes, oldestUnflushed);
    }
}

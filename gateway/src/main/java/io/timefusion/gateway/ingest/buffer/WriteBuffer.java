package io.timefusion.gateway.ingest.buffer;

import io.airlift.log.Logger;
import io.timefusion.contract.BufferRowsRequest;
import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.IngestCapacity;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.ingest.wal.WalRecord;
import io.timefusion.gateway.ingest.wal.WriteAheadLog;

import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import static java.util.Objects.requireNonNull;

/**
 * Buffered ingest (ENABLE_BATCH_QUEUE=true with QUEUE_DB_PATH): a statement's rows are appended to the write-ahead log
 * (group commit), put into the in-memory buffer of their table, and acknowledged: acknowledged means fsynced. Queries
 * read the buffer through the plugin's buffer splits (POST /v1/buffer/rows), so an acknowledged row is visible at once;
 * a flusher per table writes the buffer to Delta in the background in large batches. At start the log's unflushed
 * statements are put back before anything is acknowledged or served; at shutdown everything is flushed.
 */
public final class WriteBuffer
        implements IngestPath, AutoCloseable
{
    private static final Logger log = Logger.get(WriteBuffer.class);

    private final GatewayIdentity identity;
    private final WriteAheadLog wal;
    private final BatchWriter writer;
    private final GatewayAnnouncer announcer;
    private final IngestCapacity capacity;
    private final FlushMetrics flushMetrics = new FlushMetrics();
    private final Map<String, TableBuffer> buffers = new ConcurrentHashMap<>();
    private final Map<String, BufferFlusher> flushers = new ConcurrentHashMap<>();
    private final GroupCommit groupCommit;
    private final Map<String, Long> recoveredFlushedThrough;
    private final Map<String, List<WalRecord.FlushStarted>> unfinishedFlushes;
    private final long maxBatchRows;
    private final Duration interval;
    private final Duration grace;
    private final Duration waitTimeout;
    private final Duration shutdownTimeout;
    private volatile boolean replayed;
    private volatile boolean closed;

    /** @param writer writes a flush to Delta (one Trino statement, the batch fetched by URL so the statement stays small) */
    public WriteBuffer(IngestConfig config, GatewayIdentity identity, BatchWriter writer, GatewayAnnouncer announcer)
    {
        this.identity = requireNonNull(identity, "identity is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.announcer = requireNonNull(announcer, "announcer is null");
        this.capacity = new IngestCapacity("write buffer", "BUFFER_MAX_SIZE_MB", Long.MAX_VALUE, config.getBufferMaxSize().toBytes());
        this.maxBatchRows = config.getMaxBatchSize();
        this.interval = Duration.ofMillis(config.getBatchIntervalMs());
        this.grace = Duration.ofMillis(config.getBufferGracePeriodMs());
        this.waitTimeout = Duration.ofMillis(config.getQueueWaitTimeoutMs());
        this.shutdownTimeout = Duration.ofMillis(config.getShutdownTimeoutMs());
        this.wal = WriteAheadLog.open(config.getQueueDbPath().orElseThrow());
        WriteAheadLog.Recovery recovery = wal.recovery();
        this.recoveredFlushedThrough = recovery.flushedThrough();
        this.unfinishedFlushes = new ConcurrentHashMap<>();
        recovery.unfinishedFlushes().forEach(flush -> unfinishedFlushes.computeIfAbsent(flush.table(), _ -> new ArrayList<>()).add(flush));
        for (WalRecord.Statement statement : recovery.statements()) {
            BufferedStatement buffered = recovered(statement);
            capacity.take(buffered.rowCount(), buffered.bytes());
            buffer(buffered.table()).add(buffered);
        }
        unfinishedFlushes.keySet().forEach(this::buffer);
        // only now: a flush of an interrupted range must find every statement of it in the buffer
        replayed = true;
        flushers.values().forEach(BufferFlusher::start);
        this.groupCommit = new GroupCommit(wal, this::add);
    }

    /** Appends the rows to the log, buffers them and returns once they are fsynced. */
    @Override
    public long write(RowBatch rows)
            throws SQLException
    {
        if (rows.rows().isEmpty()) {
            return 0;
        }
        if (closed) {
            throw IngestException.shuttingDown();
        }
        BufferedStatement.Prepared statement = BufferedStatement.prepare(rows);
        try {
            announcer.awaitAnnounced(waitTimeout);
            reserve(statement);
            CompletableFuture<BufferedStatement> buffered = groupCommit.append(statement);
            // a statement the log could not take holds no room; released here even if this session stops waiting
            buffered.whenComplete((_, failure) -> {
                if (failure != null) {
                    capacity.release(rows.rowCount(), statement.bytes());
                }
            });
            try {
                buffered.get();
            }
            catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException failure) {
                    throw failure;
                }
                throw new IngestException("58030", "could not write to the write-ahead log: " + e.getCause().getMessage(), e.getCause());
            }
            return rows.rowCount();
        }
        catch (InterruptedException e) {
            // the session ended (client gone or cancelled); a statement already handed to the log may still be stored
            Thread.currentThread().interrupt();
            throw IngestException.canceled(e);
        }
    }

    /**
     * Flushes the table's acknowledged rows now and returns once they are committed to Delta: an UPDATE or DELETE
     * changes rows stored in Delta only, and must see every row acknowledged before it.
     */
    @Override
    public void flushAcknowledged(String table)
            throws SQLException
    {
        TableBuffer buffer = buffers.get(table);
        if (buffer == null) {
            return;
        }
        long through = buffer.lastSequence();
        flushers.get(table).requestFlush(through);
        try {
            if (!buffer.awaitFlushed(through, System.nanoTime() + waitTimeout.toNanos())) {
                throw new IngestException("57014", "the buffered rows of %s were not flushed to Delta within QUEUE_WAIT_TIMEOUT_MS (%s ms); is Trino reachable? The change was not run"
                        .formatted(table, waitTimeout.toMillis()));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IngestException.canceled(e);
        }
    }

    /**
     * The buffered rows a query of the plugin asks for, chosen now (so that a refusal comes before the answer starts)
     * and written as frames of the batch format when the answer is sent.
     */
    public BufferAnswer read(BufferRowsRequest query, IngestTable table)
            throws IngestException, BufferExpiredException
    {
        TableBuffer buffer = buffers.get(query.table());
        BufferFrames frames = new BufferFrames(table, query);
        List<TableBuffer.Chunk> chunks = buffer == null ? List.of() : buffer.select(query);
        return out -> frames.write(chunks, out);
    }

    /** Rows chosen for a query, to be written to its answer. */
    public interface BufferAnswer
    {
        void writeTo(OutputStream out)
                throws IOException, IngestException;
    }

    public GatewayIdentity identity()
    {
        return identity;
    }

    /** The figures of /health and /metrics: the buffer, the log and the flushes. */
    public BufferStatus status()
    {
        return BufferStatus.of(buffers.values().stream().map(TableBuffer::stats).toList(), capacity, wal.sizeBytes(), groupCommit.fsyncs(), groupCommit.statements(), flushMetrics);
    }

    /**
     * Whether a flush is being written now or is due at once (a full batch waits): table maintenance waits before it
     * starts a step, so that ingest has Trino first.
     */
    public boolean isFlushing()
    {
        return flushMetrics.inProgress() || buffers.values().stream().anyMatch(buffer -> buffer.unflushedRows() >= maxBatchRows);
    }

    /** Stops taking statements, flushes everything (retrying until the shutdown timeout), then stops announcing this gateway. */
    @PreDestroy
    @Override
    public void close()
    {
        closed = true;
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        boolean flushedAll = true;
        try {
            groupCommit.close();
            for (BufferFlusher flusher : flushers.values()) {
                flusher.drain(deadline);
            }
            flushedAll = buffers.values().stream().allMatch(buffer -> buffer.unflushedRows() == 0);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            flushedAll = false;
        }
        if (flushedAll) {
            // nothing is left that only this gateway can serve: queries may stop asking it
            announcer.retire();
        }
        else {
            log.warn("Stopping with rows not yet flushed to Delta; they stay in the write-ahead log and are flushed at the next start (queries ask this gateway until its registration expires)");
        }
        try {
            wal.close();
        }
        catch (IOException e) {
            log.warn(e, "Closing the write-ahead log failed");
        }
    }

    private void reserve(BufferedStatement.Prepared statement)
            throws IngestException, InterruptedException
    {
        if (capacity.heldBytes() + statement.bytes() > capacity.maxBytes()) {
            // full: the flusher writes what waits and drops what is flushed, and the statement gets its room
            flushers.values().forEach(BufferFlusher::wake);
        }
        capacity.reserve(statement.rows().rowCount(), statement.bytes(), waitTimeout);
    }

    private void add(BufferedStatement statement)
    {
        TableBuffer buffer = buffer(statement.table());
        buffer.add(statement);
        if (buffer.unflushedRows() >= maxBatchRows) {
            flushers.get(statement.table()).wake();
        }
    }

    private TableBuffer buffer(String table)
    {
        return buffers.computeIfAbsent(table, name -> {
            TableBuffer buffer = new TableBuffer(name, recoveredFlushedThrough.getOrDefault(name, 0L));
            BufferFlusher flusher = new BufferFlusher(buffer, wal, writer, identity.id(), capacity, flushMetrics, maxBatchRows, interval, grace,
                    unfinishedFlushes.getOrDefault(name, List.of()));
            flushers.put(name, flusher);
            if (replayed) {
                flusher.start();
            }
            return buffer;
        });
    }

    private static BufferedStatement recovered(WalRecord.Statement statement)
    {
        try {
            return BufferedStatement.recovered(statement.sequence(), statement.rows());
        }
        catch (IngestException e) {
            // the statement was partitioned once before it was logged: the log holds only rows that can be
            throw new IllegalStateException("write-ahead log statement %d cannot be buffered: %s".formatted(statement.sequence(), e.getMessage()), e);
        }
    }
}

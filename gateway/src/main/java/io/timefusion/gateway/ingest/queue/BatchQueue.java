package io.timefusion.gateway.ingest.queue;

import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.IngestCapacity;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.ingest.RowSizes;

import jakarta.annotation.PreDestroy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Statements of concurrent sessions written to Delta together: one batch per table at a time, each statement answered
 * after its batch's commit. Two uses: direct mode (ENABLE_BATCH_QUEUE=false) cuts a batch as soon as the previous write
 * of the table returned, so a statement waits for nothing but the write in flight; the batch queue
 * (ENABLE_BATCH_QUEUE=true without QUEUE_DB_PATH) waits up to BATCH_INTERVAL_MS for a batch to fill. Bounded in rows
 * and bytes from arrival to commit; {@link #close} writes what is queued before the gateway exits.
 */
public final class BatchQueue
        implements IngestPath, AutoCloseable
{
    private final BatchWriter writer;
    private final IngestCapacity capacity;
    private final int maxBatchRows;
    private final Duration interval;
    private final Duration waitTimeout;
    private final Duration shutdownTimeout;
    private final Map<String, TableBatcher> tables = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private BatchQueue(BatchWriter writer, IngestCapacity capacity, int maxBatchRows, Duration interval, IngestConfig config)
    {
        this.writer = writer;
        this.capacity = capacity;
        this.maxBatchRows = maxBatchRows;
        this.interval = interval;
        this.waitTimeout = Duration.ofMillis(config.getQueueWaitTimeoutMs());
        this.shutdownTimeout = Duration.ofMillis(config.getShutdownTimeoutMs());
    }

    /**
     * Direct mode: each statement is written at once, or, while a write of its table is in flight, together with the
     * statements that arrived meanwhile (group commit: no wait is added). Only COPY_MAX_SIZE bounds what it holds,
     * as it bounds a COPY.
     */
    public static BatchQueue direct(BatchWriter writer, IngestConfig config)
    {
        return new BatchQueue(writer, new IngestCapacity("gateway", "COPY_MAX_SIZE", Long.MAX_VALUE, Long.MAX_VALUE), config.getMaxBatchSize(), Duration.ZERO, config);
    }

    /** The batch queue: a batch is written when it holds MAX_BATCH_SIZE rows or its oldest statement waited BATCH_INTERVAL_MS. */
    public static BatchQueue queued(BatchWriter writer, IngestConfig config)
    {
        IngestCapacity capacity = new IngestCapacity("batch queue", "BATCH_QUEUE_MAX_ROWS / BATCH_QUEUE_MAX_SIZE", config.getQueueMaxRows(), config.getQueueMaxSize().toBytes());
        return new BatchQueue(writer, capacity, config.getMaxBatchSize(), Duration.ofMillis(config.getBatchIntervalMs()), config);
    }

    /** Queues the rows and waits until their batch is committed. */
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
        long bytes = RowSizes.estimate(rows);
        QueuedInsert insert = new QueuedInsert(rows, bytes);
        try {
            capacity.reserve(rows.rowCount(), bytes, waitTimeout);
            table(rows.table()).add(insert);
            return insert.acknowledged().get();
        }
        catch (InterruptedException e) {
            // the session ended (client gone or cancelled): the rows stay queued and are written, as a statement
            // already sent to Postgres would be
            Thread.currentThread().interrupt();
            throw IngestException.canceled(e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IngestException("XX000", "batch write failed: " + e.getCause(), e.getCause());
        }
    }

    /** Rows queued or being written. */
    public long queuedRows()
    {
        return capacity.heldRows();
    }

    /** Stops taking statements and writes what is queued, waiting at most the shutdown timeout. */
    @PreDestroy
    @Override
    public void close()
    {
        closed = true;
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        try {
            for (TableBatcher table : tables.values()) {
                table.drain(deadline);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TableBatcher table(String name)
    {
        return tables.computeIfAbsent(name, table -> {
            TableBatcher batcher = new TableBatcher(table, writer, capacity, maxBatchRows, interval);
            batcher.start();
            return batcher;
        });
    }
}

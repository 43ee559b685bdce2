package io.timefusion.gateway.ingest.queue;

import io.airlift.log.Logger;
import io.timefusion.gateway.ingest.BatchTxn;
import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.ingest.RowSizes;
import io.timefusion.gateway.ingest.queue.wal.WriteAheadLog;

import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The batch queue (ENABLE_BATCH_QUEUE): a {@link BatchWriter} in front of the direct one that coalesces the
 * statements of concurrent sessions into one batch per table and answers each statement once its batch is durable
 * (committed to Delta, or with BATCH_ACK=local fsynced to the write-ahead log). Bounded in rows and bytes from
 * arrival to commit; {@link #close} writes what is queued before the gateway exits.
 */
public final class BatchQueue
        implements BatchWriter, AutoCloseable
{
    private static final Logger log = Logger.get(BatchQueue.class);

    private final BatchWriter writer;
    private final QueueCapacity capacity;
    private final Optional<WriteAheadLog> wal;
    private final int maxBatchRows;
    private final Duration interval;
    private final Duration waitTimeout;
    private final Duration shutdownTimeout;
    private final Map<String, TableBatcher> tables = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public BatchQueue(BatchWriter writer, IngestConfig config)
    {
        this.writer = writer;
        this.capacity = new QueueCapacity(config.getQueueMaxRows(), config.getQueueMaxSize().toBytes());
        this.maxBatchRows = config.getMaxBatchSize();
        this.interval = Duration.ofMillis(config.getBatchIntervalMs());
        this.waitTimeout = Duration.ofMillis(config.getQueueWaitTimeoutMs());
        this.shutdownTimeout = Duration.ofMillis(config.getShutdownTimeoutMs());
        this.wal = config.getBatchAck() == IngestConfig.BatchAck.LOCAL
                ? Optional.of(WriteAheadLog.open(config.getQueueDbPath().orElseThrow()))
                : Optional.empty();
        wal.ifPresent(this::replay);
    }

    /**
     * Queues the rows and waits until they are durable.
     *
     * @param txn must be empty: the queue gives each batch its own
     */
    @Override
    public long write(RowBatch rows, Optional<BatchTxn> txn)
            throws SQLException
    {
        if (txn.isPresent()) {
            throw new IllegalArgumentException("a queued statement cannot carry a txn of its own");
        }
        if (rows.rows().isEmpty()) {
            return 0;
        }
        if (closed) {
            throw shuttingDown();
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
            throw new IngestException("57014", "canceling statement due to user request", e);
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
        return capacity.queuedRows();
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
        if (wal.isPresent()) {
            try {
                wal.get().close();
            }
            catch (IOException e) {
                log.warn(e, "Closing the write-ahead log failed");
            }
        }
    }

    private TableBatcher table(String name)
    {
        return tables.computeIfAbsent(name, table -> {
            TableBatcher batcher = new TableBatcher(table, writer, capacity, wal, maxBatchRows, interval);
            batcher.start();
            return batcher;
        });
    }

    private void replay(WriteAheadLog log)
    {
        for (WriteAheadLog.RecoveredBatch batch : log.recovered()) {
            long bytes = RowSizes.estimate(batch.rows());
            capacity.take(batch.rows().rowCount(), bytes);
            table(batch.rows().table()).recover(new TableBatcher.LoggedBatch(batch.sequence(), batch.rows(), bytes));
        }
    }

    private static IngestException shuttingDown()
    {
        return new IngestException("57P01", "terminating statement because the gateway is shutting down");
    }
}

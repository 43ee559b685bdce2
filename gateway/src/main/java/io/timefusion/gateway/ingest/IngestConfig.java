package io.timefusion.gateway.ingest;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.units.DataSize;
import io.airlift.units.MinDataSize;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import static io.airlift.units.DataSize.Unit.MEGABYTE;

/** How INSERTs and COPYs are written: directly, or through the batch queue, and how much either may hold. */
public class IngestConfig
{
    public enum BatchAck
    {
        /** A statement is answered after its batch's Delta commit. */
        COMMIT,
        /** A statement is answered after its batch is fsynced to the write-ahead log under QUEUE_DB_PATH. */
        LOCAL
    }

    private boolean batchQueueEnabled;
    private int batchIntervalMs = 1000;
    private int maxBatchSize = 1000;
    private long queueMaxRows = 100_000;
    private DataSize queueMaxSize = DataSize.of(256, MEGABYTE);
    private int queueWaitTimeoutMs = 30_000;
    private int shutdownTimeoutMs = 30_000;
    private String queueDbPath;
    private BatchAck batchAck = BatchAck.COMMIT;
    private DataSize copyMaxSize = DataSize.of(512, MEGABYTE);

    public boolean isBatchQueueEnabled()
    {
        return batchQueueEnabled;
    }

    @Config("ingest.batch-queue.enabled")
    @ConfigDescription("Coalesce concurrent INSERTs and COPYs into batches (ENABLE_BATCH_QUEUE)")
    public IngestConfig setBatchQueueEnabled(boolean batchQueueEnabled)
    {
        this.batchQueueEnabled = batchQueueEnabled;
        return this;
    }

    @Min(1)
    public int getBatchIntervalMs()
    {
        return batchIntervalMs;
    }

    @Config("ingest.batch-interval-ms")
    @ConfigDescription("Longest a statement waits in the queue before its batch is written (BATCH_INTERVAL_MS)")
    public IngestConfig setBatchIntervalMs(int batchIntervalMs)
    {
        this.batchIntervalMs = batchIntervalMs;
        return this;
    }

    @Min(1)
    public int getMaxBatchSize()
    {
        return maxBatchSize;
    }

    @Config("ingest.max-batch-size")
    @ConfigDescription("Rows that make a batch due at once (MAX_BATCH_SIZE)")
    public IngestConfig setMaxBatchSize(int maxBatchSize)
    {
        this.maxBatchSize = maxBatchSize;
        return this;
    }

    @Min(1)
    public long getQueueMaxRows()
    {
        return queueMaxRows;
    }

    @Config("ingest.batch-queue.max-rows")
    @ConfigDescription("Rows the queue holds from arrival to commit; more wait (BATCH_QUEUE_MAX_ROWS)")
    public IngestConfig setQueueMaxRows(long queueMaxRows)
    {
        this.queueMaxRows = queueMaxRows;
        return this;
    }

    @NotNull
    @MinDataSize("1kB")
    public DataSize getQueueMaxSize()
    {
        return queueMaxSize;
    }

    @Config("ingest.batch-queue.max-size")
    @ConfigDescription("Estimated heap the queued rows may take; more wait (BATCH_QUEUE_MAX_SIZE)")
    public IngestConfig setQueueMaxSize(DataSize queueMaxSize)
    {
        this.queueMaxSize = queueMaxSize;
        return this;
    }

    @Min(0)
    public int getQueueWaitTimeoutMs()
    {
        return queueWaitTimeoutMs;
    }

    @Config("ingest.batch-queue.wait-timeout-ms")
    @ConfigDescription("How long a statement waits for room in a full queue before it fails with 53400 (BATCH_QUEUE_WAIT_TIMEOUT_MS)")
    public IngestConfig setQueueWaitTimeoutMs(int queueWaitTimeoutMs)
    {
        this.queueWaitTimeoutMs = queueWaitTimeoutMs;
        return this;
    }

    @Min(0)
    public int getShutdownTimeoutMs()
    {
        return shutdownTimeoutMs;
    }

    @Config("ingest.batch-queue.shutdown-timeout-ms")
    @ConfigDescription("How long a stopping gateway waits for queued batches to be written (BATCH_QUEUE_SHUTDOWN_TIMEOUT_MS)")
    public IngestConfig setShutdownTimeoutMs(int shutdownTimeoutMs)
    {
        this.shutdownTimeoutMs = shutdownTimeoutMs;
        return this;
    }

    public Optional<Path> getQueueDbPath()
    {
        return Optional.ofNullable(queueDbPath).filter(path -> !path.isBlank()).map(Path::of);
    }

    @Config("ingest.queue-db-path")
    @ConfigDescription("Directory of the batch queue's write-ahead log (QUEUE_DB_PATH); needed by BATCH_ACK=local")
    public IngestConfig setQueueDbPath(String queueDbPath)
    {
        this.queueDbPath = queueDbPath;
        return this;
    }

    @NotNull
    public BatchAck getBatchAck()
    {
        return batchAck;
    }

    @Config("ingest.batch-ack")
    @ConfigDescription("commit (answer after the Delta commit) or local (after the fsync of the write-ahead log) (BATCH_ACK)")
    public IngestConfig setBatchAck(String batchAck)
    {
        this.batchAck = BatchAck.valueOf(batchAck.toUpperCase(Locale.ROOT));
        return this;
    }

    @AssertTrue(message = "BATCH_ACK=local needs ENABLE_BATCH_QUEUE=true and QUEUE_DB_PATH")
    public boolean isLocalAcknowledgementConfigured()
    {
        return batchAck == BatchAck.COMMIT || batchQueueEnabled && getQueueDbPath().isPresent();
    }

    @NotNull
    @MinDataSize("1kB")
    public DataSize getCopyMaxSize()
    {
        return copyMaxSize;
    }

    @Config("ingest.copy-max-size")
    @ConfigDescription("Estimated heap the rows of one COPY may take; a COPY is committed as one batch (COPY_MAX_SIZE)")
    public IngestConfig setCopyMaxSize(DataSize copyMaxSize)
    {
        this.copyMaxSize = copyMaxSize;
        return this;
    }
}

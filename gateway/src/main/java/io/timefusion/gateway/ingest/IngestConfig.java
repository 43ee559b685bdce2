package io.timefusion.gateway.ingest;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.units.DataSize;
import io.airlift.units.MinDataSize;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;
import java.util.Optional;

import static io.airlift.units.DataSize.Unit.MEGABYTE;

/** How INSERTs and COPYs are written (directly, through the batch queue, or into the write buffer), and how much each may hold. */
public class IngestConfig
{
    private boolean batchQueueEnabled;
    private int batchIntervalMs = 30_000;
    private int maxBatchSize = 100_000;
    private long queueMaxRows = 100_000;
    private DataSize queueMaxSize = DataSize.of(256, MEGABYTE);
    private int queueWaitTimeoutMs = 30_000;
    private int shutdownTimeoutMs = 30_000;
    private String queueDbPath;
    private int bufferMaxSizeMb = 256;
    private int bufferGracePeriodMs = 10_000;
    private DataSize copyMaxSize = DataSize.of(512, MEGABYTE);

    public boolean isBatchQueueEnabled()
    {
        return batchQueueEnabled;
    }

    @Config("ingest.batch-queue.enabled")
    @ConfigDescription("Coalesce INSERTs and COPYs into batches: with QUEUE_DB_PATH into the write buffer, else into the batch queue (ENABLE_BATCH_QUEUE)")
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
    @ConfigDescription("Interval between batch writes to Delta: the write buffer's flushes, or the longest a statement waits in the batch queue (BATCH_INTERVAL_MS)")
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
    @ConfigDescription("Most rows one batch write to Delta takes; as many waiting make it due at once (MAX_BATCH_SIZE)")
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
    @ConfigDescription("How long a statement waits for room in a full batch queue or write buffer before it fails with 53400 (BATCH_QUEUE_WAIT_TIMEOUT_MS)")
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
    @ConfigDescription("How long a stopping gateway waits for queued or buffered rows to be written to Delta (BATCH_QUEUE_SHUTDOWN_TIMEOUT_MS)")
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
    @ConfigDescription("Directory of the write buffer's write-ahead log (QUEUE_DB_PATH); with the batch queue on, INSERTs are acknowledged at its fsync")
    public IngestConfig setQueueDbPath(String queueDbPath)
    {
        this.queueDbPath = queueDbPath;
        return this;
    }

    /** Buffered ingest: acknowledged at the fsync of the write-ahead log, served to queries from memory, flushed in the background. */
    public boolean isWriteBufferEnabled()
    {
        return batchQueueEnabled && getQueueDbPath().isPresent();
    }

    @Min(1)
    public int getBufferMaxSizeMb()
    {
        return bufferMaxSizeMb;
    }

    public DataSize getBufferMaxSize()
    {
        return DataSize.of(bufferMaxSizeMb, MEGABYTE);
    }

    @Config("ingest.buffer.max-size-mb")
    @ConfigDescription("Estimated heap the write buffer may hold (rows not yet flushed, and flushed rows in their grace period); more INSERTs wait (BUFFER_MAX_SIZE_MB)")
    public IngestConfig setBufferMaxSizeMb(int bufferMaxSizeMb)
    {
        this.bufferMaxSizeMb = bufferMaxSizeMb;
        return this;
    }

    @Min(0)
    public int getBufferGracePeriodMs()
    {
        return bufferGracePeriodMs;
    }

    @Config("ingest.buffer.grace-period-ms")
    @ConfigDescription("How long flushed rows stay readable in the write buffer for queries that read the Delta snapshot before the flush (BUFFER_GRACE_PERIOD_MS)")
    public IngestConfig setBufferGracePeriodMs(int bufferGracePeriodMs)
    {
        this.bufferGracePeriodMs = bufferGracePeriodMs;
        return this;
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

package io.timefusion.gateway.ingest.queue;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.ingest.TrinoBatchWriter;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;

import java.util.Optional;

/** Ingest without the write buffer: direct mode (ENABLE_BATCH_QUEUE=false), or the batch queue without QUEUE_DB_PATH. */
public class BatchQueueModule
        implements Module
{
    @Override
    public void configure(Binder binder) {}

    @Provides
    @Singleton
    public static IngestPath ingestPath(IngestConfig config, TrinoBatchWriter writer)
    {
        return config.isBatchQueueEnabled() ? BatchQueue.queued(writer, config) : BatchQueue.direct(writer, config);
    }

    /** No write buffer in these modes: /health, /status and /metrics leave it out. */
    @Provides
    @Singleton
    public static Optional<WriteBuffer> noWriteBuffer()
    {
        return Optional.empty();
    }
}

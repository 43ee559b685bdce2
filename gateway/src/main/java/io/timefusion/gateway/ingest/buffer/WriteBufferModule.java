package io.timefusion.gateway.ingest.buffer;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import io.airlift.http.server.HttpServer;
import io.timefusion.gateway.http.BufferResource;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.ingest.IngestTransportConfig;
import io.timefusion.gateway.ingest.TrinoBatchWriter;

import java.util.Optional;

import static io.airlift.jaxrs.JaxrsBinder.jaxrsBinder;

/**
 * Buffered ingest (ENABLE_BATCH_QUEUE=true with QUEUE_DB_PATH): the write buffer answers INSERTs and COPYs, serves its
 * rows at POST /v1/buffer/rows, and announces this gateway to the plugin.
 */
public class WriteBufferModule
        implements Module
{
    @Override
    public void configure(Binder binder)
    {
        binder.bind(GatewayAnnouncer.class).in(Scopes.SINGLETON);
        binder.bind(IngestPath.class).to(WriteBuffer.class);
        jaxrsBinder(binder).bind(BufferResource.class);
    }

    @Provides
    @Singleton
    public static GatewayIdentity identity(IngestConfig config)
    {
        return GatewayIdentity.load(config.getQueueDbPath().orElseThrow());
    }

    /**
     * The buffer's flushes always fetch their batch by URL: a flush is large, and no statement should carry its rows.
     * Made after the HTTP server, so that the lifecycle, which stops services in the reverse order, stops the buffer
     * first: its last flush is fetched from this gateway's HTTP port, and queries read the buffer there until it retired.
     */
    @Provides
    @Singleton
    public static WriteBuffer writeBuffer(IngestConfig config, GatewayIdentity identity, TrinoBatchWriter writer, GatewayAnnouncer announcer, HttpServer httpServer)
    {
        return new WriteBuffer(config, identity, writer.withTransport(IngestTransportConfig.Transport.HTTP), announcer);
    }

    /** For /health, /status and /metrics, which report the buffer when there is one. */
    @Provides
    @Singleton
    public static Optional<WriteBuffer> optionalWriteBuffer(WriteBuffer buffer)
    {
        return Optional.of(buffer);
    }
}

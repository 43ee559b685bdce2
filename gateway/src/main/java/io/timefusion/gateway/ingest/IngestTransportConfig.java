package io.timefusion.gateway.ingest;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import jakarta.validation.constraints.NotNull;

import java.util.Optional;

/** How batches of rows travel from the gateway to the plugin; GatewayEnvironment maps INGEST_TRANSPORT and INGEST_BATCH_URL. */
public class IngestTransportConfig
{
    public enum Transport
    {
        /** The encoded batch is an argument of the INSERT statement (base64): nothing but Trino's port is needed. */
        INLINE,
        /** The statement names a one-time URL of this gateway's HTTP server; the Trino worker fetches the batch there. */
        HTTP,
    }

    private Transport transport = Transport.INLINE;
    private String batchUrl;

    @NotNull
    public Transport getTransport()
    {
        return transport;
    }

    @Config("ingest.transport")
    @ConfigDescription("inline: batches travel inside the INSERT statement; http: Trino workers fetch them from this gateway (INGEST_TRANSPORT)")
    public IngestTransportConfig setTransport(Transport transport)
    {
        this.transport = transport;
        return this;
    }

    public Optional<String> getBatchUrl()
    {
        return Optional.ofNullable(batchUrl);
    }

    @Config("ingest.batch-url")
    @ConfigDescription("Base URL at which Trino workers reach this gateway's HTTP port, for ingest.transport=http (INGEST_BATCH_URL); default: the HTTP server's own address")
    public IngestTransportConfig setBatchUrl(String batchUrl)
    {
        this.batchUrl = batchUrl;
        return this;
    }
}

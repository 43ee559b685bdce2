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
        /**
         * The encoded batch is an argument of the INSERT statement (base64): nothing but Trino's port is needed, but the
         * coordinator keeps each statement, rows included, in its query history until it expires.
         */
        INLINE,
        /** The statement names a one-time URL of this gateway's HTTP server; the Trino worker fetches the batch there (default). */
        HTTP,
    }

    private Transport transport = Transport.HTTP;
    private String batchUrl;

    @NotNull
    public Transport getTransport()
    {
        return transport;
    }

    @Config("ingest.transport")
    @ConfigDescription("http: Trino workers fetch batches from this gateway (default); inline: batches travel inside the INSERT statement (INGEST_TRANSPORT)")
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
    @ConfigDescription("Base URL at which Trino workers reach this gateway's HTTP port, to fetch batches and buffered rows (INGEST_BATCH_URL); default: the HTTP server's own address")
    public IngestTransportConfig setBatchUrl(String batchUrl)
    {
        this.batchUrl = batchUrl;
        return this;
    }
}

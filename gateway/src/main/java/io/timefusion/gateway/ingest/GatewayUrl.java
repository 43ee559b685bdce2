package io.timefusion.gateway.ingest;

import com.google.inject.Inject;
import io.airlift.http.server.HttpServerInfo;
import io.airlift.node.NodeInfo;

/**
 * Where Trino workers reach this gateway's HTTP port: to fetch an ingest batch (ingest.transport=http) and to read the
 * write buffer. INGEST_BATCH_URL when set (the gateway is behind an address of its own), else the HTTP server's own
 * address.
 */
public class GatewayUrl
{
    private final String baseUrl;

    @Inject
    public GatewayUrl(IngestTransportConfig config, HttpServerInfo httpServer, NodeInfo node)
    {
        // the HTTP server listens on the node's bind address; its announced URI may name another interface
        String url = config.getBatchUrl().orElseGet(() -> "http://%s:%d".formatted(
                node.getBindIp().isAnyLocalAddress() ? httpServer.getHttpUri().getHost() : node.getBindIp().getHostAddress(),
                httpServer.getHttpUri().getPort()));
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The base URL, without a trailing slash. */
    public String baseUrl()
    {
        return baseUrl;
    }
}

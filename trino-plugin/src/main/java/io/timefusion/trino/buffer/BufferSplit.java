package io.timefusion.trino.buffer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableMap;
import io.trino.spi.connector.ConnectorSplit;

import java.util.Map;

import static io.airlift.slice.SizeOf.estimatedSizeOf;
import static io.airlift.slice.SizeOf.instanceSize;
import static java.util.Objects.requireNonNull;

/**
 * The buffered rows of one live gateway that a query reads beside the data files (docs/ingest.md, "The write buffer"): those above the
 * watermarks the query's Delta snapshots hold for this gateway. {@code defaultWatermark} is null when the query does not
 * read the default table; {@code projectWatermarks} has an entry for each registered project whose own table it reads;
 * -1 where a table holds nothing of the gateway yet. No token: the worker takes it from its registry.
 */
public record BufferSplit(
        @JsonProperty("gatewayId") String gatewayId,
        @JsonProperty("url") String url,
        @JsonProperty("defaultWatermark") Long defaultWatermark,
        @JsonProperty("projectWatermarks") Map<String, Long> projectWatermarks)
        implements ConnectorSplit
{
    private static final int INSTANCE_SIZE = instanceSize(BufferSplit.class);

    @JsonCreator
    public BufferSplit
    {
        requireNonNull(gatewayId, "gatewayId is null");
        requireNonNull(url, "url is null");
        projectWatermarks = ImmutableMap.copyOf(projectWatermarks);
    }

    /** How errors and logs name the gateway: its id and host:port, never the URL path. */
    public String describe()
    {
        return "gateway %s at %s".formatted(gatewayId, Gateway.authorityOf(url));
    }

    /** What Trino shows of the split (EXPLAIN ANALYZE VERBOSE, query info): the gateway, never a URL path. */
    @Override
    public Map<String, String> getSplitInfo()
    {
        return ImmutableMap.of("gatewayId", gatewayId, "gateway", Gateway.authorityOf(url));
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE + estimatedSizeOf(gatewayId) + estimatedSizeOf(url) + estimatedSizeOf(projectWatermarks, key -> estimatedSizeOf(key), _ -> Long.BYTES);
    }

    @Override
    public String toString()
    {
        return "BufferSplit[gatewayId=%s, gateway=%s, defaultWatermark=%s, projectWatermarks=%s]"
                .formatted(gatewayId, Gateway.authorityOf(url), defaultWatermark, projectWatermarks);
    }
}

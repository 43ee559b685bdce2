package io.timefusion.gateway.http;

import com.google.common.collect.ImmutableMap;
import com.google.inject.Inject;
import com.google.inject.Provider;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import io.timefusion.gateway.maintenance.MaintenanceStatus;
import io.timefusion.gateway.maintenance.TableMaintenance;
import io.timefusion.gateway.metrics.LatencyHistogram;
import io.timefusion.gateway.metrics.PrometheusText;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.server.ConnectionLimiter;
import io.timefusion.gateway.sql.StatementKind;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /metrics}: Prometheus text by default (what scrapers and curl get); the same figures as JSON, with the
 * original TimeFusion's {@code query_cache} object, for {@code Accept: application/json}.
 */
@Path("/metrics")
public class MetricsResource
{
    private final QueryResultCache cache;
    private final QueryMetrics queries;
    private final ConnectionLimiter connections;
    // a provider: the write buffer is created after the HTTP server (see WriteBufferModule), which needs this resource
    private final Provider<Optional<WriteBuffer>> buffer;
    private final MaintenanceStatus maintenance;
    private final TableMaintenance tableMaintenance;

    @Inject
    public MetricsResource(QueryResultCache cache, QueryMetrics queries, ConnectionLimiter connections, Provider<Optional<WriteBuffer>> buffer,
            MaintenanceStatus maintenance, TableMaintenance tableMaintenance)
    {
        this.maintenance = requireNonNull(maintenance, "maintenance is null");
        this.tableMaintenance = requireNonNull(tableMaintenance, "tableMaintenance is null");
        this.buffer = requireNonNull(buffer, "buffer is null");
        this.cache = requireNonNull(cache, "cache is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.connections = requireNonNull(connections, "connections is null");
    }

    @GET
    @Produces({PrometheusText.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    public Response metrics(@Context HttpHeaders headers)
    {
        if (wantsJson(headers)) {
            return Response.ok(json(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        // as a plain header: given as a media type, JAX-RS would rewrite it to text/plain;charset=utf-8;version=0.0.4
        return Response.ok(PrometheusMetrics.render(cache.stats(), queries, connections, buffer.get().map(WriteBuffer::status), maintenance)).header(HttpHeaders.CONTENT_TYPE, PrometheusText.CONTENT_TYPE).build();
    }

    /** JSON only when the client prefers it to text; a wildcard gets the Prometheus default. */
    private static boolean wantsJson(HttpHeaders headers)
    {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private Map<String, Object> json()
    {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query_cache", QueryCacheJson.of(cache.stats()));
        body.put("timestamp", Instant.now().toString());
        body.put("queries", queryCounts());
        LatencyHistogram.Snapshot latency = queries.latency();
        Map<String, Object> latencyJson = new LinkedHashMap<>();
        latencyJson.put("count", latency.count());
        latencyJson.put("average_ms", latency.count() == 0 ? 0 : latency.sumSeconds() * 1000 / latency.count());
        body.put("query_latency", latencyJson);
        body.put("rows_inserted", queries.rowsInserted());
        body.put("row_change_retries", queries.rowChangeRetries());
        Map<String, Object> pgwire = new LinkedHashMap<>();
        pgwire.put("connections_open", connections.open());
        pgwire.put("connections_max", connections.maximum());
        pgwire.put("connections_rejected", connections.rejected());
        body.put("pgwire", pgwire);
        body.put("trino_errors_by_sqlstate_class", queries.trinoErrorsByClass());
        buffer.get().ifPresent(writeBuffer -> body.put("write_buffer", WriteBufferJson.of(writeBuffer.status())));
        body.put("maintenance", MaintenanceJson.of(maintenance, tableMaintenance.nextVacuum()));
        return body;
    }

    /** {@code {"query": {"ok": n, "error": m}, …}}, for kinds that ran at all. */
    private Map<String, Object> queryCounts()
    {
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (StatementKind kind : StatementKind.values()) {
            long ok = queries.statements(kind, QueryMetrics.Outcome.OK);
            long error = queries.statements(kind, QueryMetrics.Outcome.ERROR);
            if (ok + error > 0) {
                byKind.put(kind.name().toLowerCase(Locale.ROOT), ImmutableMap.of("ok", ok, "error", error));
            }
        }
        return byKind;
    }
}

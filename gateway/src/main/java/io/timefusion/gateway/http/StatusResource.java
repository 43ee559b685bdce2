package io.timefusion.gateway.http;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import io.timefusion.gateway.maintenance.MaintenanceStatus;
import io.timefusion.gateway.maintenance.TableMaintenance;
import io.timefusion.gateway.trino.ProjectAdmin;
import io.timefusion.gateway.trino.TrinoProbe;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/** {@code GET /status}: the gateway's state at a glance, in the shape of the original TimeFusion's endpoint. */
@Path("/status")
public class StatusResource
{
    private final QueryResultCache cache;
    private final TrinoProbe trino;
    private final ProjectAdmin projects;
    private final GatewayUptime uptime;
    // a provider: the write buffer is created after the HTTP server (see WriteBufferModule), which needs this resource
    private final Provider<Optional<WriteBuffer>> buffer;
    private final MaintenanceStatus maintenance;
    private final TableMaintenance tableMaintenance;

    @Inject
    public StatusResource(QueryResultCache cache, TrinoProbe trino, ProjectAdmin projects, GatewayUptime uptime, Provider<Optional<WriteBuffer>> buffer,
            MaintenanceStatus maintenance, TableMaintenance tableMaintenance)
    {
        this.maintenance = requireNonNull(maintenance, "maintenance is null");
        this.tableMaintenance = requireNonNull(tableMaintenance, "tableMaintenance is null");
        this.buffer = requireNonNull(buffer, "buffer is null");
        this.cache = requireNonNull(cache, "cache is null");
        this.trino = requireNonNull(trino, "trino is null");
        this.projects = requireNonNull(projects, "projects is null");
        this.uptime = requireNonNull(uptime, "uptime is null");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status()
    {
        Map<String, Object> database = new LinkedHashMap<>();
        // registered projects (buckets of their own); null when Trino cannot say
        database.put("project_count", projectCount());
        database.put("cache_enabled", cache.enabled());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("database", database);
        body.put("query_cache", QueryCacheJson.of(cache.stats()));
        body.put("trino", trinoStatus());
        buffer.get().ifPresent(writeBuffer -> body.put("write_buffer", WriteBufferJson.of(writeBuffer.status())));
        body.put("maintenance", MaintenanceJson.of(maintenance, tableMaintenance.nextVacuum()));
        body.put("timestamp", Instant.now().toString());
        body.put("uptime_seconds", uptime.seconds());
        return body;
    }

    private Integer projectCount()
    {
        try {
            return projects.list().size();
        }
        catch (SQLException e) {
            return null;
        }
    }

    private Map<String, Object> trinoStatus()
    {
        TrinoProbe.Result probe = trino.probe();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("reachable", probe.reachable());
        status.put("version", probe.version().orElse(null));
        OptionalLong nodes = probe.reachable() ? trino.nodeCount() : OptionalLong.empty();
        status.put("nodes", nodes.isPresent() ? nodes.getAsLong() : null);
        probe.error().ifPresent(error -> status.put("error", error));
        return status;
    }
}

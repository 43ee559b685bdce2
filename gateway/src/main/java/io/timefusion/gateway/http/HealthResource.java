package io.timefusion.gateway.http;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import io.timefusion.gateway.trino.TrinoProbe;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /health}: 200 when Trino answers a query, 503 with the reason when it does not; with the write buffer,
 * what it holds and whether its flushes fail.
 */
@Path("/health")
public class HealthResource
{
    private final TrinoProbe trino;
    // a provider: the write buffer is created after the HTTP server (see WriteBufferModule), which needs this resource
    private final Provider<Optional<WriteBuffer>> buffer;

    @Inject
    public HealthResource(TrinoProbe trino, Provider<Optional<WriteBuffer>> buffer)
    {
        this.trino = requireNonNull(trino, "trino is null");
        this.buffer = requireNonNull(buffer, "buffer is null");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health()
    {
        TrinoProbe.Result result = trino.probe();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", result.reachable() ? "ok" : "unavailable");
        body.put("version", GatewayVersion.VERSION);
        Map<String, Object> trinoStatus = new LinkedHashMap<>();
        trinoStatus.put("reachable", result.reachable());
        result.version().ifPresent(version -> trinoStatus.put("version", version));
        result.error().ifPresent(error -> trinoStatus.put("error", error));
        body.put("trino", trinoStatus);
        // while Trino is unreachable the buffer keeps acknowledging: how much waits and whether flushes fail
        buffer.get().ifPresent(writeBuffer -> body.put("write_buffer", WriteBufferJson.of(writeBuffer.status())));
        return Response.status(result.reachable() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }
}

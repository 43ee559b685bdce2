package io.timefusion.gateway.http;

import com.google.inject.Inject;
import io.timefusion.gateway.trino.TrinoProbe;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** {@code GET /health}: 200 when Trino answers a query, 503 with the reason when it does not. */
@Path("/health")
public class HealthResource
{
    private final TrinoProbe trino;

    @Inject
    public HealthResource(TrinoProbe trino)
    {
        this.trino = requireNonNull(trino, "trino is null");
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
        return Response.status(result.reachable() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }
}

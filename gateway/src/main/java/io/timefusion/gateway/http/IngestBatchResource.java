package io.timefusion.gateway.http;

import com.google.inject.Inject;
import io.timefusion.gateway.ingest.BatchStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /v1/ingest/batches/{token}}: where the plugin's ingest_batch fetches an encoded batch when
 * ingest.transport=http. Each token serves its batch once; the token itself is the credential.
 */
@Path("/v1/ingest/batches/{token}")
public class IngestBatchResource
{
    private final BatchStore store;

    @Inject
    public IngestBatchResource(BatchStore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    @GET
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response batch(@PathParam("token") String token)
    {
        return store.take(token)
                .map(batch -> Response.ok(batch, MediaType.APPLICATION_OCTET_STREAM_TYPE).build())
                .orElseGet(() -> JsonResponses.error(Response.Status.NOT_FOUND, "no such batch: it was fetched before, or its INSERT ended"));
    }
}

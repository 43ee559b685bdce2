package io.timefusion.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.Provider;
import io.timefusion.contract.BufferProtocol;
import io.timefusion.contract.BufferRowsRequest;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.ingest.buffer.BufferExpiredException;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code POST /v1/buffer/rows}: where a Trino worker reads this gateway's buffered rows for a buffer split of the
 * plugin. The caller must present the gateway's token (which the plugin keeps in its gateway registry); the answer is
 * a stream of batch-format frames ending with an empty frame.
 */
@Path(BufferProtocol.ROWS_PATH)
public class BufferResource
{
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    // a provider: the write buffer is created after the HTTP server (see WriteBufferModule), which needs this resource
    private final Provider<WriteBuffer> buffer;
    private final IngestTables tables;
    private final ObjectMapper json;

    @Inject
    public BufferResource(Provider<WriteBuffer> buffer, IngestTables tables, ObjectMapper json)
    {
        this.buffer = requireNonNull(buffer, "buffer is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.json = requireNonNull(json, "json is null");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response rows(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body)
    {
        // the body is read before the token is checked: an answer sent while the request is still arriving makes
        // Jetty drop the connection, which a client that pools connections sees as an empty answer to its next request
        byte[] request;
        try {
            request = body.readNBytes(MAX_REQUEST_BYTES + 1);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WriteBuffer buffer = this.buffer.get();
        if (authorization == null || !authorization.startsWith("Bearer ") || !buffer.identity().acceptsToken(authorization.substring("Bearer ".length()).strip())) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "missing or wrong gateway token"))
                    .build();
        }
        if (request.length > MAX_REQUEST_BYTES) {
            return JsonResponses.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "request larger than %d bytes".formatted(MAX_REQUEST_BYTES));
        }
        BufferRowsRequest query;
        try {
            query = json.readValue(request, BufferRowsRequest.class);
        }
        catch (JsonProcessingException e) {
            return JsonResponses.error(Response.Status.BAD_REQUEST, "malformed buffer request: " + e.getOriginalMessage());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!query.gatewayId().equals(buffer.identity().id())) {
            return JsonResponses.error(Response.Status.CONFLICT, "this is gateway %s, not %s".formatted(buffer.identity().id(), query.gatewayId()));
        }
        if (!IngestTables.isIngestTable(query.table())) {
            return JsonResponses.error(Response.Status.BAD_REQUEST, "no buffer for table " + query.table());
        }
        WriteBuffer.BufferAnswer answer;
        try {
            answer = buffer.read(query, tables.table(query.table()));
        }
        catch (BufferExpiredException e) {
            return JsonResponses.error(Response.Status.GONE, e.getMessage());
        }
        catch (IngestException e) {
            return JsonResponses.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        catch (SQLException e) {
            return JsonResponses.error(Response.Status.SERVICE_UNAVAILABLE, "cannot describe table %s: %s".formatted(query.table(), e.getMessage()));
        }
        StreamingOutput frames = out -> {
            try {
                answer.writeTo(out);
            }
            catch (IngestException e) {
                // a buffered value the batch format cannot carry: the stream ends without its end frame, so the plugin fails the query
                throw new IOException(e.getMessage(), e);
            }
        };
        return Response.ok(frames, MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }
}

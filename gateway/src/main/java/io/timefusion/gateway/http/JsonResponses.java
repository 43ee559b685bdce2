package io.timefusion.gateway.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Error answers of the REST endpoints: always JSON with a message, never a stack trace. */
final class JsonResponses
{
    private JsonResponses() {}

    static Response error(Response.Status status, String message)
    {
        return error(status.getStatusCode(), message);
    }

    /** For codes JAX-RS has no constant for, such as 422. */
    static Response error(int status, String message)
    {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", message)).build();
    }

    static Response invalid(List<String> problems)
    {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid project registration", "invalid_fields", problems))
                .build();
    }
}

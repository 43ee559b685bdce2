package io.timefusion.gateway.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.airlift.jaxrs.JsonParsingException;
import io.airlift.log.Logger;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.Locale;

/**
 * Every failure of the REST endpoints as JSON, {@code {"error": "…"}}: the client's mistakes (a body that is not
 * JSON, a wrong method or media type, an unknown path) with their 4xx status, in words of its own rather than the
 * parser's, which name Java classes; anything else as 500 "internal error", logged here with its stack.
 */
public class JsonErrorMapper
        implements ExceptionMapper<Throwable>
{
    private static final Logger log = Logger.get(JsonErrorMapper.class);

    @Override
    public Response toResponse(Throwable failure)
    {
        return switch (failure) {
            case JsonParsingException parsing -> JsonResponses.error(Response.Status.BAD_REQUEST, "the request body must be one JSON object" + where(parsing.getCause()));
            case WebApplicationException refused when refused.getResponse().hasEntity() -> refused.getResponse();
            case WebApplicationException refused -> {
                Response.StatusType status = refused.getResponse().getStatusInfo();
                yield JsonResponses.error(status.getStatusCode(), status.getReasonPhrase().toLowerCase(Locale.ROOT));
            }
            default -> {
                log.warn(failure, "REST request failed");
                yield JsonResponses.error(Response.Status.INTERNAL_SERVER_ERROR, "internal error");
            }
        };
    }

    private static String where(Throwable cause)
    {
        if (cause instanceof JsonProcessingException json && json.getLocation() != null && json.getLocation() != JsonLocation.NA) {
            return " (line %d, column %d)".formatted(json.getLocation().getLineNr(), json.getLocation().getColumnNr());
        }
        return "";
    }
}

package io.timefusion.trino.buffer;

import com.fasterxml.jackson.databind.JsonNode;
import io.timefusion.trino.delta.DeltaJson;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

/** A gateway's answer to a buffer fetch: status, content type and the body, which must be closed. */
final class GatewayResponse
        implements Closeable
{
    private static final int MAX_ERROR_BYTES = 4096;
    private static final int MAX_ERROR_CHARACTERS = 300;

    private final int status;
    private final String contentType;
    private final DeadlineInputStream body;
    private final Future<?> expiry;

    GatewayResponse(int status, String contentType, DeadlineInputStream body, Future<?> expiry)
    {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.expiry = expiry;
    }

    int status()
    {
        return status;
    }

    String contentType()
    {
        return contentType;
    }

    InputStream body()
    {
        return body;
    }

    /**
     * The {@code error} of a JSON error body, shortened and stripped of control characters, for our own error message;
     * "no details" when the body says nothing usable.
     */
    String errorDetail()
    {
        try {
            byte[] bytes = body.readNBytes(MAX_ERROR_BYTES);
            JsonNode error = DeltaJson.readTree(new String(bytes, StandardCharsets.UTF_8)).path("error");
            if (!error.isTextual() || error.asText().isBlank()) {
                return "no details";
            }
            String text = error.asText().replaceAll("\\p{Cntrl}", " ");
            return text.length() <= MAX_ERROR_CHARACTERS ? text : text.substring(0, MAX_ERROR_CHARACTERS) + "…";
        }
        catch (IOException | RuntimeException e) {
            return "no details";
        }
    }

    @Override
    public void close()
    {
        expiry.cancel(false);
        try {
            body.close();
        }
        catch (IOException ignored) {
            // nothing more is read from it
        }
    }
}

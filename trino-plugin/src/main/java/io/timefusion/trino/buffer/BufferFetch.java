package io.timefusion.trino.buffer;

import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.timefusion.trino.TimeFusionConfig;
import io.trino.spi.TrinoException;

import java.io.IOException;
import java.util.Optional;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_BUFFER_CORRUPT;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_BUFFER_EXPIRED;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_BUFFER_REFUSED;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_BUFFER_UNAVAILABLE;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_GATEWAY_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Opens the fetch of one buffer split and turns every answer but a stream of frames into the outcome the buffer protocol (docs/ingest.md, "The write buffer") gives
 * it: 401 (after one retry with the token re-read from the registry), 409, 410 and 400 are errors; a gateway that cannot
 * be reached (connection, timeout, 5xx) fails the query or is skipped, as {@code timefusion.buffer.unavailable-gateway}
 * says. Messages name the gateway by id and host:port, never its token or URL path.
 */
public class BufferFetch
{
    private static final Logger log = Logger.get(BufferFetch.class);
    private static final String FRAMES_CONTENT_TYPE = "application/octet-stream";

    private final GatewayRegistry registry;
    private final GatewayClient client;
    private final UnavailableGatewayPolicy policy;

    @Inject
    public BufferFetch(GatewayRegistry registry, GatewayClient client, TimeFusionConfig config)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.client = requireNonNull(client, "client is null");
        this.policy = config.getUnavailableGateway();
    }

    /** The gateway's stream of frames, or empty when it cannot be reached and the policy is to skip it. */
    Optional<GatewayResponse> open(BufferSplit split, byte[] request)
    {
        String token = registry.token(split.gatewayId()).orElseThrow(() -> new TrinoException(TIMEFUSION_GATEWAY_ERROR,
                "The %s is not in the gateway registry of this node".formatted(split.describe())));
        Optional<GatewayResponse> response = post(split, token, request);
        if (response.isPresent() && response.get().status() == 401) {
            // the gateway may have announced a new token since this node read the registry
            Optional<String> stored = registry.reloadedToken(split.gatewayId());
            if (stored.isPresent() && !stored.get().equals(token)) {
                response.get().close();
                response = post(split, stored.get(), request);
            }
        }
        if (response.isEmpty()) {
            return response;
        }
        return accepted(split, response.get());
    }

    /**
     * A gateway that cannot be reached: an error under {@code fail}; under {@code skip} a warning, and the caller goes on
     * without its rows.
     */
    void unavailable(BufferSplit split, String reason, Throwable cause)
    {
        if (policy == UnavailableGatewayPolicy.FAIL) {
            throw new TrinoException(TIMEFUSION_BUFFER_UNAVAILABLE, ("Cannot read the buffered rows of the %s: %s. " +
                    "With timefusion.buffer.unavailable-gateway=skip queries answer without the rows only this gateway holds").formatted(split.describe(), reason), cause);
        }
        log.warn("Skipping the %s (timefusion.buffer.unavailable-gateway=skip): %s; the query misses the rows only it holds", split.describe(), reason);
    }

    private Optional<GatewayResponse> post(BufferSplit split, String token, byte[] request)
    {
        try {
            return Optional.of(client.post(split.url(), token, request));
        }
        catch (IOException e) {
            unavailable(split, reason(split, e), e);
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrinoException(TIMEFUSION_BUFFER_UNAVAILABLE, "Interrupted while fetching the buffered rows of the " + split.describe(), e);
        }
    }

    private Optional<GatewayResponse> accepted(BufferSplit split, GatewayResponse response)
    {
        int status = response.status();
        if (status == 200 && response.contentType().startsWith(FRAMES_CONTENT_TYPE)) {
            return Optional.of(response);
        }
        try (response) {
            if (status >= 500) {
                unavailable(split, "it answered HTTP %d (%s)".formatted(status, response.errorDetail()), null);
                return Optional.empty();
            }
            throw switch (status) {
                case 200 -> new TrinoException(TIMEFUSION_BUFFER_CORRUPT, "The %s answered with Content-Type '%s' instead of %s"
                        .formatted(split.describe(), response.contentType(), FRAMES_CONTENT_TYPE));
                case 401 -> new TrinoException(TIMEFUSION_BUFFER_REFUSED, ("The %s refused the token it announced (HTTP 401: %s); " +
                        "a gateway that restarted with a new token is asked again once it announces it").formatted(split.describe(), response.errorDetail()));
                case 409 -> new TrinoException(TIMEFUSION_BUFFER_REFUSED, ("The server at the address of the %s is another gateway (HTTP 409: %s); " +
                        "the registry is corrected when the gateway announces itself again").formatted(split.describe(), response.errorDetail()));
                case 410 -> new TrinoException(TIMEFUSION_BUFFER_EXPIRED, ("The %s no longer holds buffered rows this query needs: they were flushed to Delta " +
                        "after the query read its snapshot (HTTP 410). Retry the query").formatted(split.describe()));
                case 400 -> new TrinoException(TIMEFUSION_BUFFER_REFUSED, "The %s rejected the fetch of its buffered rows as malformed (HTTP 400: %s)"
                        .formatted(split.describe(), response.errorDetail()));
                default -> new TrinoException(TIMEFUSION_BUFFER_REFUSED, "The %s answered the fetch of its buffered rows with HTTP %d (%s)"
                        .formatted(split.describe(), status, response.errorDetail()));
            };
        }
    }

    /** What went wrong, without the URL: JDK messages rarely carry it, but a path must never reach an error. */
    static String reason(BufferSplit split, IOException e)
    {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replace(split.url(), Gateway.authorityOf(split.url()));
        return e.getClass().getSimpleName() + message;
    }
}

package io.timefusion.trino.ingest;

import io.trino.spi.TrinoException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_INGEST_BATCH_UNAVAILABLE;
import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;

/**
 * Fetches a batch from the one-time URL the gateway serves it at. Errors name the host, never the URL: its path is
 * the secret that lets a worker read the rows.
 */
final class BatchFetcher
{
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private BatchFetcher() {}

    static byte[] fetch(String url)
    {
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, "ingest_batch: url is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, "ingest_batch: url must be http or https");
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new TrinoException(TIMEFUSION_INGEST_BATCH_UNAVAILABLE, "The gateway at %s did not serve the ingest batch (HTTP %d): it was fetched before, or the INSERT was abandoned"
                        .formatted(uri.getAuthority(), response.statusCode()));
            }
            return response.body();
        }
        catch (IOException e) {
            throw new TrinoException(TIMEFUSION_INGEST_BATCH_UNAVAILABLE, "Could not fetch the ingest batch from the gateway at %s: %s".formatted(uri.getAuthority(), e.getMessage()), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrinoException(TIMEFUSION_INGEST_BATCH_UNAVAILABLE, "Interrupted while fetching the ingest batch from the gateway at " + uri.getAuthority(), e);
        }
    }
}

package io.timefusion.trino.buffer;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.inject.Inject;
import io.timefusion.contract.BufferProtocol;
import io.timefusion.trino.TimeFusionConfig;
import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static java.lang.Math.max;

/**
 * Posts buffer fetches to gateways with java.net.http, the response body streamed. {@code timefusion.buffer.fetch-timeout}
 * bounds connect plus the whole response (docs/ingest.md, "The write buffer"): the HTTP client's own timeouts end at the response headers, so a
 * deadline closes a body that is still being read when it passes, and the reader sees a timeout.
 */
public class GatewayClient
{
    private final Duration timeout;
    private final HttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("timefusion-buffer-fetch-deadline").setDaemon(true).build());

    @Inject
    public GatewayClient(TimeFusionConfig config)
    {
        this.timeout = Duration.ofMillis(config.getBufferFetchTimeout().toMillis());
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // HTTP/1.1 outright: an h2c upgrade attempt costs a round trip and not every server takes it on a POST
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Duration timeout()
    {
        return timeout;
    }

    /**
     * @throws IOException when the gateway cannot be reached or sends no response headers within the timeout
     */
    GatewayResponse post(String gatewayUrl, String token, byte[] body)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + BufferProtocol.ROWS_PATH))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        DeadlineInputStream stream = new DeadlineInputStream(response.body());
        ScheduledFuture<?> expiry = deadlines.schedule(stream::expire, max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return new GatewayResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), stream, expiry);
    }

    @PreDestroy
    public void close()
    {
        deadlines.shutdownNow();
        client.shutdownNow();
    }
}

package io.timefusion.trino.buffer;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.inject.Inject;
import io.timefusion.contract.BufferProtocol;
import io.timefusion.trino.TimeFusionConfig;
import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static java.lang.Math.max;
import static java.lang.Math.toIntExact;

/**
 * Posts buffer fetches to gateways with the JDK's {@link HttpURLConnection} (connections kept alive between fetches),
 * the response body streamed. The request's headers and body leave in one write: java.net.http, used before, wrote
 * them apart, and with Nagle's algorithm on the client's socket the body waited for the gateway to acknowledge the
 * headers, which a delayed ACK put off by milliseconds on every query while a gateway is live (a fetch of an empty
 * buffer took 9 ms of a scan's wall time on this machine, 3 ms now; written apart without TCP_NODELAY, such a request
 * took 44 ms against 0.8 ms in one write). HttpURLConnection buffers a body of unknown length and sends it with the
 * headers through an 8 kB buffer, so requests larger than that (hundreds of projects' watermarks) are still written in
 * parts. {@code timefusion.buffer.fetch-timeout} bounds connect plus the whole response (docs/ingest.md, "The write
 * buffer"): the connection's own timeouts bound the connect and each read, so a deadline closes a body that is still
 * being read when it passes, and the reader sees a timeout.
 */
public class GatewayClient
{
    private final Duration timeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("timefusion-buffer-fetch-deadline").setDaemon(true).build());

    @Inject
    public GatewayClient(TimeFusionConfig config)
    {
        this.timeout = Duration.ofMillis(config.getBufferFetchTimeout().toMillis());
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
        // straight to the gateway, as its registry record names it: no proxy, no redirect to follow with the token
        HttpURLConnection connection = (HttpURLConnection) URI.create(gatewayUrl + BufferProtocol.ROWS_PATH).toURL().openConnection(Proxy.NO_PROXY);
        connection.setInstanceFollowRedirects(false);
        int timeoutMillis = toIntExact(max(1, timeout.toMillis()));
        connection.setConnectTimeout(timeoutMillis);
        connection.setReadTimeout(timeoutMillis);
        connection.setUseCaches(false);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        int status;
        try {
            try (OutputStream request = connection.getOutputStream()) {
                request.write(body);
            }
            status = connection.getResponseCode();
        }
        catch (IOException e) {
            connection.disconnect();
            throw e;
        }
        if (Thread.interrupted()) {
            connection.disconnect();
            throw new InterruptedException("interrupted while fetching buffered rows");
        }
        // an error status answers on the error stream, which is absent when the answer has no body
        InputStream answer = status >= 400 ? Optional.ofNullable(connection.getErrorStream()).orElse(InputStream.nullInputStream()) : connection.getInputStream();
        DeadlineInputStream stream = new DeadlineInputStream(answer);
        ScheduledFuture<?> expiry = deadlines.schedule(stream::expire, max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return new GatewayResponse(status, Optional.ofNullable(connection.getContentType()).orElse(""), stream, expiry);
    }

    @PreDestroy
    public void close()
    {
        deadlines.shutdownNow();
    }
}

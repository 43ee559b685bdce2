package io.timefusion.integration.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.airlift.http.server.HttpServerInfo;
import io.airlift.bootstrap.LifeCycleManager;
import io.timefusion.gateway.GatewayMain;
import io.timefusion.gateway.ingest.buffer.BufferStatus;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import io.timefusion.gateway.server.PgServer;
import io.timefusion.integration.gateway.TestingGateway;
import io.timefusion.testing.TimeFusionQueryRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buffered ingest while Trino dies: SIGKILL of the Trino process under four writers. The gateway keeps acknowledging
 * (its write-ahead log and buffer need no Trino) until its buffer is full, then refuses with 53400 rather than drop
 * anything; flushes fail and are retried with backoff, /health says so; once Trino is back the flushes resume and every
 * acknowledged row is stored exactly once.
 */
class TestWriteBufferWhenTrinoIsKilled
{
    private static final int WRITERS = 4;
    private static final int ROWS_PER_STATEMENT = 20;
    private static final String PROJECT = "trino-killed";
    private static final Duration DOWNTIME = Duration.ofSeconds(8);

    @Test
    void acknowledgementsContinueWhileTrinoIsDownAndFlushesResumeWhenItIsBack(@TempDir Path data, @TempDir Path wal)
            throws Exception
    {
        try (TrinoProcess trino = TrinoProcess.start(data)) {
            Injector gateway = GatewayMain.start(gatewayProperties(trino, wal));
            try {
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                AtomicLong refusedAsFull = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                int port = gateway.getInstance(PgServer.class).port();
                try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
                    List<Future<Void>> writers = new ArrayList<>();
                    for (int writer = 0; writer < WRITERS; writer++) {
                        int id = writer;
                        writers.add(pool.submit(() -> write(port, id, acknowledged, refusedAsFull, stop)));
                    }
                    awaitAcknowledged(acknowledged, 500);

                    trino.kill();
                    int atKill = acknowledged.size();
                    Thread.sleep(DOWNTIME.toMillis());
                    BufferStatus down = gateway.getInstance(WriteBuffer.class).status();
                    assertThat(acknowledged.size()).as("acknowledged while Trino was down").isGreaterThan(atKill + 100);
                    assertThat(down.flushes().failing()).as("flushes fail while Trino is down").isTrue();
                    assertThat(down.unflushedRows()).isPositive();
                    assertThat(refusedAsFull.get()).as("statements refused with 53400 once the buffer was full").isPositive();
                    assertHealthSaysFlushesFail(gateway);

                    trino.restart();
                    Thread.sleep(1_000);
                    stop.set(true);
                    for (Future<Void> writer : writers) {
                        writer.get();
                    }
                }
                awaitFlushed(gateway.getInstance(WriteBuffer.class));
                Map<String, Long> copies = storedCopies(trino);
                assertThat(copies.keySet()).containsAll(acknowledged);
                assertThat(copies.values()).allMatch(count -> count == 1, "each row stored once");
            }
            finally {
                gateway.getInstance(LifeCycleManager.class).stop();
            }
        }
    }

    /** What an operator sees: /health answers 503 and says the buffer's flushes fail; /metrics counts the waiting rows. */
    private static void assertHealthSaysFlushesFail(Injector gateway)
            throws Exception
    {
        String url = "http://127.0.0.1:" + gateway.getInstance(HttpServerInfo.class).getHttpUri().getPort();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode buffer = new ObjectMapper().readTree(health.body()).path("write_buffer");
        assertThat(buffer.path("unflushed_rows").asLong()).isPositive();
        assertThat(buffer.path("oldest_unflushed_seconds").asDouble()).isPositive();
        assertThat(buffer.path("flushes").path("failing").asBoolean()).isTrue();
        assertThat(buffer.path("flushes").path("failures").asLong()).isPositive();
        assertThat(buffer.path("flushes").path("last_failure").asText()).isNotEmpty();
        String metrics = client.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("timefusion_buffer_flush_failing 1").containsPattern("timefusion_buffer_unflushed_rows [1-9]");
    }

    private static Map<String, String> gatewayProperties(TrinoProcess trino, Path wal)
    {
        Map<String, String> properties = new HashMap<>();
        properties.put("node.environment", "test");
        properties.put("http-server.http.port", "0");
        properties.put("node.bind-ip", "127.0.0.1");
        properties.put("pgwire.port", "0");
        properties.put("pgwire.bind-address", "127.0.0.1");
        properties.put("pgwire.password", TestingGateway.PASSWORD);
        properties.put("trino.url", trino.url());
        properties.put("trino.admin-secret", TimeFusionQueryRunner.ADMIN_SECRET);
        properties.put("maintenance.enabled", "false");
        properties.put("ingest.batch-queue.enabled", "true");
        properties.put("ingest.queue-db-path", wal.toString());
        properties.put("ingest.batch-interval-ms", "300");
        // small enough to fill up during the downtime, so that the bound shows
        properties.put("ingest.buffer.max-size-mb", "2");
        properties.put("ingest.batch-queue.wait-timeout-ms", "500");
        return properties;
    }

    /** 20-row INSERTs until stopped; a statement refused because the buffer is full is counted and the writer goes on. */
    private static Void write(int port, int writer, Set<String> acknowledged, AtomicLong refusedAsFull, AtomicBoolean stop)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", TestingGateway.USER);
        properties.setProperty("password", TestingGateway.PASSWORD);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/timefusion".formatted(port), properties);
                Statement statement = connection.createStatement()) {
            for (int number = 0; !stop.get(); number++) {
                List<String> ids = new ArrayList<>();
                StringBuilder sql = new StringBuilder("INSERT INTO otel_logs_and_spans (id, project_id, timestamp, level) VALUES ");
                for (int row = 0; row < ROWS_PER_STATEMENT; row++) {
                    String id = "w%d-s%d-r%d".formatted(writer, number, row);
                    ids.add(id);
                    sql.append(row == 0 ? "" : ", ").append("('%s', '%s', TIMESTAMP '2025-06-01 12:00:00 UTC', 'INFO')".formatted(id, PROJECT));
                }
                try {
                    statement.executeUpdate(sql.toString());
                    acknowledged.addAll(ids);
                }
                catch (SQLException e) {
                    if (!"53400".equals(e.getSQLState())) {
                        throw e;
                    }
                    refusedAsFull.incrementAndGet();
                }
            }
        }
        return null;
    }

    private static void awaitAcknowledged(Set<String> acknowledged, int rows)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (acknowledged.size() < rows) {
            assertThat(System.nanoTime()).as("%d rows acknowledged", rows).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void awaitFlushed(WriteBuffer buffer)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (buffer.status().unflushedRows() > 0) {
            assertThat(System.nanoTime()).as("the buffer flushed once Trino is back").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Map<String, Long> storedCopies(TrinoProcess trino)
            throws SQLException
    {
        Map<String, Long> copies = new HashMap<>();
        try (Connection connection = trino.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, count(*) FROM otel_logs_and_spans WHERE project_id = '%s' GROUP BY id".formatted(PROJECT))) {
            while (rows.next()) {
                copies.put(rows.getString(1), rows.getLong(2));
            }
        }
        return copies;
    }
}

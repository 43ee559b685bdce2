package io.timefusion.integration.ingest;

import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import io.timefusion.integration.gateway.TestingGateway;
import io.trino.testing.MaterializedResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buffered ingest (ENABLE_BATCH_QUEUE=true with QUEUE_DB_PATH) with a real gateway and Trino: an INSERT is acknowledged
 * at the fsync of the write-ahead log and counted at once by every query, through the gateway and through Trino
 * directly (the plugin's buffer split), and counts stay exact while flushes move rows from the buffer to Delta.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestWriteBuffer
{
    // a flush is due at this many rows; the interval is long, so rows stay in the buffer unless a test fills one
    private static final int FLUSH_ROWS = 2_000;

    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        Path wal = Files.createTempDirectory("timefusion-write-buffer-");
        gateway = TestingGateway.start(Map.of(
                "ingest.batch-queue.enabled", "true",
                "ingest.queue-db-path", wal.toString(),
                "ingest.batch-interval-ms", "3600000",
                "ingest.max-batch-size", Integer.toString(FLUSH_ROWS),
                "ingest.buffer.grace-period-ms", "5000"));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void anAcknowledgedInsertIsCountedAtOnceByAnotherConnection()
            throws Exception
    {
        try (Connection writer = gateway.connect(); Connection reader = gateway.connect()) {
            for (int row = 1; row <= 3; row++) {
                insert(writer, "read-your-writes", "ryw-" + row);
                assertThat(count(reader, "read-your-writes")).isEqualTo(row);
            }
        }
    }

    @Test
    void anAcknowledgedInsertIsCountedAtOnceByATrinoQueryThatDoesNotGoThroughTheGateway()
            throws Exception
    {
        try (Connection writer = gateway.connect()) {
            insert(writer, "trino-reads-buffer", "trino-1");
            assertThat(trinoCount("trino-reads-buffer")).isEqualTo(1);
            insert(writer, "trino-reads-buffer", "trino-2");
            assertThat(trinoCount("trino-reads-buffer")).isEqualTo(2);
        }
    }

    @Test
    void bufferedRowsKeepTheirValuesAndAreFilteredByProjectAndTime()
            throws Exception
    {
        try (Connection connection = gateway.connect()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO otel_logs_and_spans (id, project_id, timestamp, name, duration, attributes___http___response___status_code, hashes, attributes, context___is_remote)
                    VALUES (?, ?, ?::timestamptz, 'GET /users', 1500, 503, ARRAY['h1', 'h2'], '{"k": [1, 2]}', true)""")) {
                for (String[] row : List.of(
                        new String[] {"v-1", "values-a", "2025-06-01 10:00:00.123456+00"},
                        new String[] {"v-2", "values-a", "2025-06-02 10:00:00+00"},
                        new String[] {"v-3", "values-b", "2025-06-01 10:00:00+00"})) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
                    insert.setString(3, row[2]);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("""
                            SELECT id, timestamp, date, name, duration, attributes___http___response___status_code, hashes, attributes ->> 'k', context___is_remote
                            FROM otel_logs_and_spans
                            WHERE project_id = 'values-a' AND timestamp >= '2025-06-01 00:00:00+00' AND timestamp < '2025-06-02 00:00:00+00'""")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("v-1");
                assertThat(rows.getString(2)).isEqualTo("2025-06-01 10:00:00.123456+00");
                assertThat(rows.getString(3)).isEqualTo("2025-06-01");
                assertThat(rows.getString(4)).isEqualTo("GET /users");
                assertThat(rows.getLong(5)).isEqualTo(1500);
                assertThat(rows.getInt(6)).isEqualTo(503);
                assertThat((String[]) rows.getArray(7).getArray()).containsExactly("h1", "h2");
                assertThat(rows.getString(8)).isEqualTo("[1,2]");
                assertThat(rows.getBoolean(9)).isTrue();
                assertThat(rows.next()).isFalse();
            }
        }
        MaterializedResult dates = gateway.queryRunner().execute("SELECT id FROM otel_logs_and_spans WHERE project_id IN ('values-a', 'values-b') AND date = DATE '2025-06-01' ORDER BY id");
        assertThat(dates.getOnlyColumnAsSet()).containsExactlyInAnyOrder("v-1", "v-3");
    }

    @Test
    void bufferedRowsAreCountedPerTimeBucketByTheScan()
            throws Exception
    {
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("""
                    INSERT INTO otel_logs_and_spans (id, project_id, timestamp) VALUES
                    ('b-1', 'buckets', '2025-06-01 10:00:00+00'), ('b-2', 'buckets', '2025-06-01 10:04:59.999999+00'),
                    ('b-3', 'buckets', '2025-06-01 10:05:00+00'), ('b-4', 'buckets', '2025-06-01 11:59:00+00')""")).isEqualTo(4);
            List<String> counts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT time_bucket('5 minutes', timestamp) AS bucket, count(*) AS n FROM otel_logs_and_spans WHERE project_id = 'buckets' GROUP BY bucket ORDER BY bucket")) {
                while (rows.next()) {
                    counts.add(rows.getString(1) + " " + rows.getLong(2));
                }
            }
            assertThat(counts).containsExactly("2025-06-01 10:00:00+00 2", "2025-06-01 10:05:00+00 1", "2025-06-01 11:55:00+00 1");
        }
        String plan = (String) gateway.queryRunner().execute(
                "EXPLAIN SELECT time_bucket(INTERVAL '5' MINUTE, \"timestamp\"), count(*) FROM otel_logs_and_spans WHERE project_id = 'buckets' GROUP BY 1").getOnlyValue();
        assertThat(plan).contains("count(*) per time_bucket").doesNotContain("Aggregate");
    }

    @Test
    void countsTakenWhileFlushesCommitNeverExceedTheRowsSentNorDropBelowThoseAcknowledgedBefore()
            throws Exception
    {
        String project = "counts-during-flushes";
        int writers = 6;
        int rowsPerStatement = 50;
        long flushesBefore = flushes();
        AtomicLong sent = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> violations = new ArrayList<>();
        int counts = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Void>> writing = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                writing.add(pool.submit(() -> {
                    try (Connection connection = gateway.connect()) {
                        for (int statement = 0; !stop.get(); statement++) {
                            sent.addAndGet(rowsPerStatement);
                            insertMany(connection, project, "w%d-%d".formatted(id, statement), rowsPerStatement);
                            acknowledged.addAndGet(rowsPerStatement);
                        }
                    }
                    return null;
                }));
            }
            try (Connection reader = gateway.connect()) {
                long deadline = System.nanoTime() + 15_000_000_000L;
                // at least 15 s, 4 flushes and 10 counts: a busy machine makes each count slower, not the test weaker
                while (System.nanoTime() < deadline || flushes() - flushesBefore < 4 || counts < 10) {
                    long before = acknowledged.get();
                    long counted = counts % 2 == 0 ? count(reader, project) : trinoCount(project);
                    long after = sent.get();
                    if (counted < before || counted > after) {
                        violations.add("counted %d, acknowledged before %d, sent after %d".formatted(counted, before, after));
                    }
                    counts++;
                }
            }
            stop.set(true);
            for (Future<Void> writer : writing) {
                writer.get();
            }
        }
        assertThat(flushes() - flushesBefore).as("flushes committed while counting").isGreaterThanOrEqualTo(4);
        assertThat(violations).isEmpty();
        assertThat(trinoCount(project)).isEqualTo(acknowledged.get());
    }

    @Test
    void aBufferRequestWithoutTheGatewaysTokenGets401AndNoRows()
            throws Exception
    {
        try (Connection connection = gateway.connect()) {
            insert(connection, "secret-rows", "secret-1");
        }
        String gatewayId = gateway.instance(WriteBuffer.class).identity().id();
        String body = """
                {"gatewayId": "%s", "table": "otel_logs_and_spans", "defaultWatermark": -1, "projectWatermarks": {}, "columns": ["id"]}""".formatted(gatewayId);
        HttpClient client = HttpClient.newHttpClient();
        for (String authorization : List.of("", "Bearer wrong-token", "Basic dXNlcjpwYXNz")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/v1/buffer/rows")).POST(HttpRequest.BodyPublishers.ofString(body));
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).doesNotContain("secret-1");
        }
    }

    private long flushes()
    {
        return gateway.instance(WriteBuffer.class).status().flushes().flushes();
    }

    private long trinoCount(String project)
    {
        return (Long) gateway.queryRunner().execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project)).getOnlyValue();
    }

    private static void insert(Connection connection, String project, String id)
            throws SQLException
    {
        insertMany(connection, project, id, 1);
    }

    private static void insertMany(Connection connection, String project, String idPrefix, int rows)
            throws SQLException
    {
        StringBuilder sql = new StringBuilder("INSERT INTO otel_logs_and_spans (id, project_id, timestamp, level) VALUES ");
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "" : ", ").append("('%s-%d', '%s', TIMESTAMP '2025-06-01 12:00:00 UTC', 'INFO')".formatted(idPrefix, row, project));
        }
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql.toString())).isEqualTo(rows);
        }
    }

    private static long count(Connection connection, String project)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project))) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }
}

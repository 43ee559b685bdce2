package io.timefusion.integration.ingest;

import io.timefusion.integration.gateway.TestingGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** ENABLE_BATCH_QUEUE=true with a real gateway and Trino: concurrent statements share Delta commits, each row once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestBatchQueue
{
    private static final int CONNECTIONS = 16;
    private static final int STATEMENTS_PER_CONNECTION = 500;

    private Path data;
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        data = Files.createTempDirectory("timefusion-batch-queue-");
        gateway = TestingGateway.start(
                // each client has one statement in flight: a batch is due as soon as every client has sent its next one
                Map.of("ingest.batch-queue.enabled", "true", "ingest.batch-interval-ms", "1000", "ingest.max-batch-size", Integer.toString(CONNECTIONS)),
                Map.of("timefusion.data-dir", data.toString()));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void sixteenConnectionsOfSingleRowInsertsStoreEachRowOnceInFarFewerCommits()
            throws Exception
    {
        long commitsBefore = DeltaCommits.count(data);
        runConcurrently((connection, client, statement) -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO otel_logs_and_spans (id, project_id, timestamp, level) VALUES (?, 'queue-inserts', TIMESTAMP '2025-06-01 12:00:00 UTC', 'INFO')")) {
                insert.setString(1, "insert-%d-%d".formatted(client, statement));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        });
        assertEachIdOnce("queue-inserts");
        assertThat(DeltaCommits.count(data) - commitsBefore).isLessThanOrEqualTo(CONNECTIONS * STATEMENTS_PER_CONNECTION / 10);
    }

    @Test
    void sixteenConnectionsOfSingleRowCopiesStoreEachRowOnceInFarFewerCommits()
            throws Exception
    {
        long commitsBefore = DeltaCommits.count(data);
        runConcurrently((connection, client, statement) -> {
            String line = "copy-%d-%d,queue-copies,2025-06-01 12:00:00+00,INFO\n".formatted(client, statement);
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY otel_logs_and_spans (id, project_id, timestamp, level) FROM STDIN WITH (FORMAT csv)",
                    new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
            assertThat(rows).isEqualTo(1);
        });
        assertEachIdOnce("queue-copies");
        assertThat(DeltaCommits.count(data) - commitsBefore).isLessThanOrEqualTo(CONNECTIONS * STATEMENTS_PER_CONNECTION / 10);
    }

    interface ClientStatement
    {
        void run(Connection connection, int client, int statement)
                throws Exception;
    }

    private void runConcurrently(ClientStatement body)
            throws Exception
    {
        // a client that failed stops the others: without it no batch fills up to MAX_BATCH_SIZE any more, every
        // statement waits the whole batch interval and the failure is reported only after minutes
        AtomicBoolean failed = new AtomicBoolean();
        try (ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS)) {
            CompletionService<Void> done = new ExecutorCompletionService<>(clients);
            for (int client = 0; client < CONNECTIONS; client++) {
                int id = client;
                done.submit(() -> {
                    try (Connection connection = gateway.connect()) {
                        for (int statement = 0; statement < STATEMENTS_PER_CONNECTION && !failed.get(); statement++) {
                            body.run(connection, id, statement);
                        }
                    }
                    catch (Exception e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                });
            }
            for (int client = 0; client < CONNECTIONS; client++) {
                done.take().get();
            }
        }
    }

    private void assertEachIdOnce(String project)
            throws SQLException
    {
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*), count(DISTINCT id) FROM otel_logs_and_spans WHERE project_id = '" + project + "'")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getLong(1)).isEqualTo(CONNECTIONS * STATEMENTS_PER_CONNECTION);
            assertThat(result.getLong(2)).isEqualTo(CONNECTIONS * STATEMENTS_PER_CONNECTION);
        }
    }
}

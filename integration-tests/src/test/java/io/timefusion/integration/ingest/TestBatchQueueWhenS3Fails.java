package io.timefusion.integration.ingest;

import io.timefusion.integration.gateway.TestingGateway;
import io.timefusion.testing.S3ProxyExtension;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.execution.QueryState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENABLE_BATCH_QUEUE=true on S3 storage that goes away while a batch is being written: the batch fails as a whole,
 * each of its clients is told, and the queue carries on once S3 is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestBatchQueueWhenS3Fails
{
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private static final String BUCKET = "batch-queue-outage";
    private static final int CLIENTS = 4;
    // a batch this large takes seconds to write, so S3 is surely stopped before its commit
    private static final int ROWS_PER_CLIENT = 20_000;
    private static final Duration WRITE_START_TIMEOUT = Duration.ofMinutes(2);

    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        try (S3Client s3 = S3.server().newClient()) {
            s3.createBucket(request -> request.bucket(BUCKET));
        }
        gateway = TestingGateway.start(
                // one batch holds exactly one COPY of every client; the interval never cuts one
                Map.of("ingest.batch-queue.enabled", "true",
                        "ingest.batch-interval-ms", "600000",
                        "ingest.max-batch-size", Integer.toString(CLIENTS * ROWS_PER_CLIENT),
                        "ingest.batch-queue.max-rows", Integer.toString(2 * CLIENTS * ROWS_PER_CLIENT)),
                TimeFusionQueryRunner.s3Properties(S3.server(), BUCKET));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void aBatchFailingOnS3FailsEveryClientOfItStoresNothingAndTheNextBatchSucceeds()
            throws Exception
    {
        List<Future<Long>> failedBatch;
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            failedBatch = copyFromEveryClient(clients, "outage");
            awaitBatchWriteRunning();
            S3.server().stop();
            for (Future<Long> client : failedBatch) {
                assertThat(failureOf(client)).isInstanceOf(SQLException.class)
                        .satisfies(failure -> assertThat(((SQLException) failure).getSQLState()).isNotBlank());
            }
        }
        S3.server().restart();

        assertThat(rowsOf("outage")).isZero();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (Future<Long> client : copyFromEveryClient(clients, "after-outage")) {
                assertThat(client.get()).isEqualTo(ROWS_PER_CLIENT);
            }
        }
        assertThat(rowsOf("after-outage")).isEqualTo(CLIENTS * ROWS_PER_CLIENT);
        assertThat(rowsOf("outage")).isZero();
    }

    private List<Future<Long>> copyFromEveryClient(ExecutorService clients, String project)
    {
        List<Future<Long>> copies = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String csv = csv(project, client);
            copies.add(clients.submit(() -> {
                try (Connection connection = gateway.connect()) {
                    return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "COPY otel_logs_and_spans (id, project_id, timestamp, level) FROM STDIN WITH (FORMAT csv)",
                            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
                }
            }));
        }
        return copies;
    }

    private static String csv(String project, int client)
    {
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < ROWS_PER_CLIENT; row++) {
            csv.append("%s-%d-%d,%s,2025-06-01 12:00:00+00,INFO\n".formatted(project, client, row, project));
        }
        return csv.toString();
    }

    /** Waits until Trino runs the batch's INSERT: its metadata is read, its files are being written. */
    private void awaitBatchWriteRunning()
            throws InterruptedException
    {
        Instant deadline = Instant.now().plus(WRITE_START_TIMEOUT);
        while (gateway.queryRunner().getCoordinator().getQueryManager().getQueries().stream()
                .noneMatch(query -> query.getState() == QueryState.RUNNING && query.getQuery().contains("ingest_batch"))) {
            assertThat(Instant.now()).as("the batch's INSERT running on Trino").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private static Throwable failureOf(Future<Long> client)
            throws InterruptedException
    {
        try {
            return new AssertionError("the client was acknowledged %d rows of a failed batch".formatted(client.get()));
        }
        catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private long rowsOf(String project)
            throws SQLException
    {
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '" + project + "'")) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }
}

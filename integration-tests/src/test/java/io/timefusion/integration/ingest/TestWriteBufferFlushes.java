package io.timefusion.integration.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import io.timefusion.integration.gateway.TestingGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default settings (only the write buffer switched on), a million rows over four partitions reach Delta in
 * large flushes: one commit per flush, at most one data file per partition per flush, whatever the statements were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestWriteBufferFlushes
{
    private static final int ROWS = 1_000_000;
    private static final int ROWS_PER_COPY = 50_000;
    private static final int CONNECTIONS = 4;
    private static final int PARTITIONS = 4;

    private Path data;
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        data = Files.createTempDirectory("timefusion-buffer-flushes-");
        Path wal = Files.createTempDirectory("timefusion-buffer-flushes-wal-");
        gateway = TestingGateway.start(
                Map.of("ingest.batch-queue.enabled", "true", "ingest.queue-db-path", wal.toString()),
                Map.of("timefusion.data-dir", data.toString()));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void aMillionRowsBecomeOneCommitPerFlushAndAtMostOneFilePerPartitionPerFlush()
            throws Exception
    {
        WriteBuffer buffer = gateway.instance(WriteBuffer.class);
        long commitsBefore = DeltaCommits.count(data);
        long flushesBefore = buffer.status().flushes().flushes();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS)) {
            List<Future<Void>> copies = new ArrayList<>();
            for (int connection = 0; connection < CONNECTIONS; connection++) {
                int client = connection;
                copies.add(pool.submit(() -> {
                    try (Connection session = gateway.connect()) {
                        for (int copy = client; copy < ROWS / ROWS_PER_COPY; copy += CONNECTIONS) {
                            long stored = session.unwrap(PGConnection.class).getCopyAPI().copyIn(
                                    "COPY otel_logs_and_spans (id, project_id, timestamp, level) FROM STDIN WITH (FORMAT csv)",
                                    new ByteArrayInputStream(csv(copy).getBytes(StandardCharsets.UTF_8)));
                            assertThat(stored).isEqualTo(ROWS_PER_COPY);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> copy : copies) {
                copy.get();
            }
        }
        // the tail waits for the interval (30 s by default)
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (buffer.status().unflushedRows() > 0) {
            assertThat(System.nanoTime()).as("everything flushed").isLessThan(deadline);
            Thread.sleep(500);
        }

        long flushes = buffer.status().flushes().flushes() - flushesBefore;
        assertThat(flushes).as("flushes of 100,000 rows (MAX_BATCH_SIZE) at most, and a few").isBetween((long) ROWS / 100_000, (long) ROWS / 100_000 * 3);
        assertThat(DeltaCommits.count(data) - commitsBefore).as("Delta commits").isEqualTo(flushes);
        assertThat(dataFilesAdded()).as("data files").isLessThanOrEqualTo(flushes * PARTITIONS);
        assertThat(gateway.queryRunner().execute("SELECT count(*), count(DISTINCT id) FROM otel_logs_and_spans").getMaterializedRows().getFirst().getFields())
                .containsExactly((long) ROWS, (long) ROWS);
    }

    /** Rows of two projects over two days: four partitions. */
    private static String csv(int copy)
    {
        StringBuilder csv = new StringBuilder(ROWS_PER_COPY * 64);
        for (int row = 0; row < ROWS_PER_COPY; row++) {
            int number = copy * ROWS_PER_COPY + row;
            csv.append("row-").append(number).append(',')
                    .append(number % 2 == 0 ? "flush-even" : "flush-odd").append(',')
                    .append(number % 4 < 2 ? "2025-06-01 " : "2025-06-02 ").append("12:%02d:%02d+00".formatted(row / 60 % 60, row % 60)).append(",INFO\n");
        }
        return csv.toString();
    }

    /** Add actions in the commits of the Delta log: every data file ever committed. */
    private long dataFilesAdded()
            throws IOException
    {
        ObjectMapper json = new ObjectMapper();
        long files = 0;
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path commit : paths.filter(path -> path.getFileName().toString().matches("\\d{20}\\.json")).toList()) {
                for (String line : Files.readAllLines(commit)) {
                    JsonNode action = json.readTree(line);
                    if (action.has("add")) {
                        files++;
                    }
                }
            }
        }
        return files;
    }
}

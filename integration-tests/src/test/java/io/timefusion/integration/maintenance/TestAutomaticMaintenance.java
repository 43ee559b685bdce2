package io.timefusion.integration.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.airlift.bootstrap.LifeCycleManager;
import io.timefusion.gateway.server.PgServer;
import io.timefusion.integration.gateway.TestingGateway;
import io.timefusion.testing.TimeFusionQueryRunner;
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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic maintenance under sustained ingest: two gateways write the same load into three projects each, one into a
 * catalog it maintains, one into a catalog nobody maintains. Files per (project, date) stay below the bound README
 * gives with maintenance on, grow with every flush without it, and no row is lost or duplicated meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestAutomaticMaintenance
{
    private static final Duration INGEST = Duration.ofSeconds(60);
    private static final int FLUSH_INTERVAL_MS = 500;
    private static final int MIN_FILES = 4;
    /**
     * docs/storage.md's bound: ⌈partition bytes / target file size⌉ (1 here: a few hundred kB) + MAINTENANCE_MIN_FILES + the files
     * flushed during two maintenance cycles. A cycle is the 1 s interval plus three OPTIMIZEs (and the waits for flushes
     * before them): 4–10 s on a busy 2-core machine, so at 2 flushes/s at most 2 × 2 × 10 files. Without maintenance a
     * partition gets a file per flush: about 100 in the test's minute.
     */
    private static final long BOUND = 1 + MIN_FILES + 40;

    private TestingGateway maintained;
    private Injector unmaintained;

    @BeforeAll
    void start()
            throws Exception
    {
        maintained = TestingGateway.start(Map.of(
                "ingest.batch-queue.enabled", "true",
                "ingest.queue-db-path", Files.createTempDirectory("timefusion-maintained-wal-").toString(),
                "ingest.batch-interval-ms", Integer.toString(FLUSH_INTERVAL_MS),
                "maintenance.enabled", "true",
                "maintenance.interval", "1s",
                "maintenance.min-files", Integer.toString(MIN_FILES)));
        Path unmaintainedData = Files.createTempDirectory("timefusion-unmaintained-");
        maintained.queryRunner().createCatalog("unmaintained", "timefusion", TimeFusionQueryRunner.localProperties(unmaintainedData));
        unmaintained = maintained.startAnotherGateway(Map.of(
                "trino.catalog", "unmaintained",
                "ingest.batch-queue.enabled", "true",
                "ingest.queue-db-path", Files.createTempDirectory("timefusion-unmaintained-wal-").toString(),
                "ingest.batch-interval-ms", Integer.toString(FLUSH_INTERVAL_MS)));
    }

    @AfterAll
    void stop()
    {
        try {
            unmaintained.getInstance(LifeCycleManager.class).stop();
        }
        finally {
            maintained.close();
        }
    }

    @Test
    void filesPerPartitionStayBelowTheBoundWithMaintenanceAndGrowWithoutIt()
            throws Exception
    {
        AtomicBoolean ingesting = new AtomicBoolean(true);
        long written;
        long writtenWithout;
        long maxWithMaintenance = 0;
        // a writer thread per gateway, both at once (the common pool may have a single thread on a small machine)
        try (ExecutorService writers = Executors.newFixedThreadPool(2)) {
            Future<Long> maintainedRows = writers.submit(() -> ingest(maintained.pgwirePort(), ingesting));
            Future<Long> unmaintainedRows = writers.submit(() -> ingest(unmaintained.getInstance(PgServer.class).port(), ingesting));
            Instant end = Instant.now().plus(INGEST);
            while (Instant.now().isBefore(end)) {
                maxWithMaintenance = Math.max(maxWithMaintenance, maxFilesPerPartition("timefusion"));
                Thread.sleep(250);
            }
            ingesting.set(false);
            written = maintainedRows.get();
            writtenWithout = unmaintainedRows.get();
        }
        // the buffers flush what they hold, then nothing adds files any more
        Thread.sleep(3 * FLUSH_INTERVAL_MS);
        maxWithMaintenance = Math.max(maxWithMaintenance, maxFilesPerPartition("timefusion"));

        assertThat(maxWithMaintenance).as("most files of a partition while maintenance ran").isLessThanOrEqualTo(BOUND);
        assertThat(maxFilesPerPartition("unmaintained")).as("files of a partition without maintenance").isGreaterThan(BOUND);
        assertThat(count("timefusion")).isEqualTo(written);
        assertThat(count("unmaintained")).isEqualTo(writtenWithout);

        JsonNode status = json(maintained.httpUrl() + "/status").path("maintenance");
        assertThat(status.path("enabled").asBoolean()).isTrue();
        assertThat(status.path("last_cycle_seconds").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(status.path("optimize").path("runs").asLong()).isPositive();
        assertThat(status.path("optimize").path("files_rewritten").asLong()).isGreaterThan(status.path("optimize").path("files_written").asLong());
        assertThat(status.path("files_per_partition").path("max_files_per_partition").asLong()).isLessThanOrEqualTo(BOUND);
        assertThat(text(maintained.httpUrl() + "/metrics")).containsPattern("(?m)^timefusion_optimize_runs_total [1-9]");
    }

    @Test
    void aRowWrittenAgainInALaterFlushIsOneRowOnceMaintenanceOptimizedItsPartition()
            throws Exception
    {
        try (Connection connection = connect(maintained.pgwirePort());
                Statement statement = connection.createStatement()) {
            statement.execute(insert("auto-retried", "2026-06-02 10:00:00", "retried-row", "{\"attempt\":1}"));
            // each INSERT in a flush of its own, so each in a file of its own: the retry, then rows that make the partition due
            Thread.sleep(3 * FLUSH_INTERVAL_MS);
            statement.execute(insert("auto-retried", "2026-06-02 10:00:00", "retried-row", "{\"attempt\":2}"));
            for (int i = 0; i < MIN_FILES; i++) {
                Thread.sleep(3 * FLUSH_INTERVAL_MS);
                statement.execute(insert("auto-retried", "2026-06-02 11:00:0" + i, "other-row-" + i, "{}"));
            }
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && retriedRows().size() > 1) {
            Thread.sleep(500);
        }

        assertThat(retriedRows()).containsExactly("{\"attempt\":2}");
        assertThat(maintained.queryRunner().execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'auto-retried'").getOnlyValue()).isEqualTo(1L + MIN_FILES);
    }

    private List<Object> retriedRows()
    {
        return maintained.queryRunner().execute("SELECT json_format(body) FROM otel_logs_and_spans WHERE project_id = 'auto-retried' AND id = 'retried-row'").getOnlyColumn().toList();
    }

    /** INSERTs of one row into each of three projects, as fast as one session acknowledges them, until told to stop. */
    private static long ingest(int pgwirePort, AtomicBoolean ingesting)
    {
        AtomicLong rows = new AtomicLong();
        try (Connection connection = connect(pgwirePort);
                Statement statement = connection.createStatement()) {
            for (long row = 0; ingesting.get(); row++) {
                Instant timestamp = Instant.parse("2026-06-01T00:00:00Z").plusMillis(row);
                statement.execute("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, name, body) VALUES %s, %s, %s".formatted(
                        values("auto-0", timestamp, row), values("auto-1", timestamp, row), values("auto-2", timestamp, row)));
                rows.addAndGet(3);
                Thread.sleep(20);
            }
        }
        catch (SQLException e) {
            throw new RuntimeException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
        return rows.get();
    }

    private static String values(String project, Instant timestamp, long row)
    {
        return "('%s', 'row-%d', '%s', 'span %d', '{\"n\":%d}')".formatted(timestamp, row, project, row % 13, row);
    }

    private static String insert(String project, String timestamp, String id, String body)
    {
        return "INSERT INTO otel_logs_and_spans (timestamp, id, project_id, body) VALUES ('%s+00', '%s', '%s', '%s')".formatted(timestamp, id, project, body);
    }

    private long maxFilesPerPartition(String catalog)
    {
        Object max = maintained.queryRunner().execute("SELECT max(files) FROM %s.system.partitions WHERE project_id LIKE 'auto-_'".formatted(catalog)).getOnlyValue();
        return max == null ? 0 : (Long) max;
    }

    private long count(String catalog)
    {
        return (Long) maintained.queryRunner().execute("SELECT count(*) FROM %s.public.otel_logs_and_spans WHERE project_id LIKE 'auto-_'".formatted(catalog)).getOnlyValue();
    }

    private static Connection connect(int pgwirePort)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", TestingGateway.USER);
        properties.setProperty("password", TestingGateway.PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/timefusion".formatted(pgwirePort), properties);
    }

    private static JsonNode json(String url)
            throws Exception
    {
        return new ObjectMapper().readTree(text(url));
    }

    private static String text(String url)
            throws Exception
    {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return response.body();
        }
    }
}

package io.timefusion.integration.gateway;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buffered ingest: an INSERT is answered once its rows are fsynced to the write-ahead log under QUEUE_DB_PATH. A gateway
 * process killed with SIGKILL under 16 writers puts back, at its next start, the statements that were not flushed, and
 * writes an interrupted flush again as the same range, so that Delta's txn action keeps a flush that did commit from
 * being written twice. A graceful stop then flushes everything: Delta alone holds every acknowledged row once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGatewayKilledWithWriteBuffer
{
    private static final int CLIENTS = 16;
    private static final String PROJECT = "killed-gateway";
    private static final long INGEST_MILLIS = 8_000;
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(2);

    private TestingGateway trino;
    private Path queueDirectory;

    @BeforeAll
    void start()
            throws Exception
    {
        trino = TestingGateway.start();
        queueDirectory = Files.createTempDirectory("timefusion-queue-db-");
    }

    @AfterAll
    void stop()
    {
        trino.close();
    }

    @Test
    void everyAcknowledgedRowIsStoredExactlyOnceAfterKillAndRestart()
            throws Exception
    {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String killedLog;
        try (GatewayProcess gateway = startGateway()) {
            AtomicBoolean killed = new AtomicBoolean();
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<Void>> inserts = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int id = client;
                    inserts.add(clients.submit(() -> insertUntilKilled(gateway.pgwirePort(), id, acknowledged, killed)));
                }
                awaitFirstAcknowledgement(acknowledged, gateway);
                Thread.sleep(INGEST_MILLIS);
                killed.set(true);
                gateway.kill();
                for (Future<Void> insert : inserts) {
                    insert.get();
                }
            }
            killedLog = gateway.log();
        }
        assertThat(acknowledged).as("acknowledged before the kill; the gateway's log:%n%s", killedLog).hasSizeGreaterThan(200);

        // the restarted gateway puts the log back into its buffer at start, before it answers anyone
        try (GatewayProcess restarted = startGateway()) {
            awaitAnnounced(restarted);
            // announced, so queries read its buffer: every acknowledged row at once, from the buffer or from Delta
            assertThat(storedCopies().keySet()).containsAll(acknowledged);
            assertThat(storedCopies().values()).allMatch(count -> count == 1, "each row seen once, from the buffer or from Delta");
            // a graceful stop flushes what is buffered and retires the gateway: from now on Delta alone answers
            // 143 = 128 + SIGTERM: the JVM's status once its shutdown hooks (the flush among them) have run
            assertThat(restarted.stop()).as("exit status of a graceful stop; the gateway's log:%n%s", restarted.log()).isEqualTo(143);
        }
        // a gateway that stopped without retiring would still count as live, and the query would fail naming it
        assertThat(storedCopies().keySet()).containsAll(acknowledged);
        assertThat(storedCopies().values()).allMatch(count -> count == 1, "each row stored once");
    }

    private static void awaitFirstAcknowledgement(Set<String> acknowledged, GatewayProcess gateway)
            throws Exception
    {
        Instant deadline = Instant.now().plus(REPLAY_TIMEOUT);
        while (acknowledged.isEmpty()) {
            assertThat(Instant.now()).as("a first INSERT acknowledged; the gateway's log:%n%s", gateway.log()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Until the plugin reads the restarted gateway at its new address (queries before that fail naming the old one). */
    private void awaitAnnounced(GatewayProcess gateway)
            throws Exception
    {
        Instant deadline = Instant.now().plus(REPLAY_TIMEOUT);
        String url = "http://127.0.0.1:" + gateway.httpPort();
        while (trino.queryRunner().execute("SELECT count(*) FROM timefusion.system.gateways WHERE live AND url = '%s'".formatted(url)).getOnlyValue().equals(0L)) {
            assertThat(Instant.now()).as("the restarted gateway announced at %s; its log:%n%s", url, gateway.log()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** Asked of Trino itself: the in-process gateway's query cache does not see the other gateway's writes; buffered rows are read through the buffer split. */
    private Map<String, Long> storedCopies()
    {
        Map<String, Long> copies = new HashMap<>();
        for (MaterializedRow row : trino.queryRunner().execute("SELECT id, count(*) FROM otel_logs_and_spans WHERE project_id = '%s' GROUP BY id".formatted(PROJECT))) {
            copies.put((String) row.getField(0), (Long) row.getField(1));
        }
        return copies;
    }

    private GatewayProcess startGateway()
            throws Exception
    {
        return GatewayProcess.start(List.of("-Xmx512m"), Map.of(
                "TRINO_URL", trino.queryRunner().getCoordinator().getBaseUrl().toString(),
                "PGWIRE_PASSWORD", TestingGateway.PASSWORD,
                "TRINO_ADMIN_SECRET", TimeFusionQueryRunner.ADMIN_SECRET,
                "ENABLE_BATCH_QUEUE", "true",
                "QUEUE_DB_PATH", queueDirectory.toString(),
                "BATCH_INTERVAL_MS", "300",
                "MAX_BATCH_SIZE", "2000"));
    }

    /** Single-row INSERTs until the gateway dies; remembers each id whose INSERT was answered. */
    private static Void insertUntilKilled(int port, int client, Set<String> acknowledged, AtomicBoolean killed)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", TestingGateway.USER);
        properties.setProperty("password", TestingGateway.PASSWORD);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/timefusion".formatted(port), properties);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO otel_logs_and_spans (id, project_id, timestamp, level) VALUES (?, '%s', TIMESTAMP '2025-06-01 12:00:00 UTC', 'INFO')".formatted(PROJECT))) {
            for (int statement = 0; ; statement++) {
                String id = "row-%d-%d".formatted(client, statement);
                insert.setString(1, id);
                insert.executeUpdate();
                acknowledged.add(id);
            }
        }
        catch (SQLException e) {
            if (killed.get()) {
                // the connection died with the gateway: the statement in flight was not acknowledged
                return null;
            }
            throw e;
        }
    }
}

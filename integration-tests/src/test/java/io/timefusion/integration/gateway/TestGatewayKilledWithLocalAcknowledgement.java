package io.timefusion.integration.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * BATCH_ACK=local: an INSERT is answered once its batch is fsynced to the write-ahead log under QUEUE_DB_PATH. A gateway
 * process killed with SIGKILL during sustained ingest replays, at its next start, the batches that never committed,
 * and Delta's txn action keeps those that did from being written twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGatewayKilledWithLocalAcknowledgement
{
    private static final int CLIENTS = 8;
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
        try (GatewayProcess gateway = startGateway()) {
            AtomicBoolean killed = new AtomicBoolean();
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<Void>> inserts = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int id = client;
                    inserts.add(clients.submit(() -> insertUntilKilled(gateway.pgwirePort(), id, acknowledged, killed)));
                }
                Thread.sleep(INGEST_MILLIS);
                killed.set(true);
                gateway.kill();
                for (Future<Void> insert : inserts) {
                    insert.get();
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(1000);

        // the restarted gateway replays the log at start, with no client connected
        try (GatewayProcess _ = startGateway()) {
            awaitStored(acknowledged);
        }
        assertThat(storedCopies().keySet()).containsAll(acknowledged);
        assertThat(storedCopies().values()).allMatch(count -> count == 1, "each row stored once");
    }

    private void awaitStored(Set<String> ids)
            throws SQLException, InterruptedException
    {
        Instant deadline = Instant.now().plus(REPLAY_TIMEOUT);
        while (!storedCopies().keySet().containsAll(ids)) {
            assertThat(Instant.now()).as("every acknowledged row stored after the replay").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private Map<String, Long> storedCopies()
            throws SQLException
    {
        try (Connection connection = trino.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, count(*) FROM otel_logs_and_spans WHERE project_id = '%s' GROUP BY id".formatted(PROJECT))) {
            Map<String, Long> copies = new HashMap<>();
            while (rows.next()) {
                copies.put(rows.getString(1), rows.getLong(2));
            }
            return copies;
        }
    }

    private GatewayProcess startGateway()
            throws Exception
    {
        return GatewayProcess.start(List.of("-Xmx512m"), Map.of(
                "TRINO_URL", trino.queryRunner().getCoordinator().getBaseUrl().toString(),
                "PGWIRE_PASSWORD", TestingGateway.PASSWORD,
                "ENABLE_BATCH_QUEUE", "true",
                "BATCH_ACK", "local",
                "QUEUE_DB_PATH", queueDirectory.toString(),
                "BATCH_INTERVAL_MS", "100",
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

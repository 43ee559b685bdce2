package io.timefusion.trino;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.Session;
import io.trino.testing.DistributedQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.timefusion.contract.SessionProperties.INGEST_TXN_APP_ID;
import static io.timefusion.contract.SessionProperties.INGEST_TXN_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * INSERTs with a Delta txn identity (session properties ingest_txn_app_id / ingest_txn_version): replaying one never
 * duplicates rows, also for a connector that learns the table from a checkpoint. Each case has its own catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestIngestTransactions
{
    @TempDir
    static Path temporaryDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder().build();
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void replayOfACommittedVersionAddsNoRows()
            throws IOException
    {
        Path data = createCatalog("replayed", 100);
        insert("replayed", "gateway-1", 1, "first");
        insert("replayed", "gateway-1", 1, "first");
        insert("replayed", "gateway-1", 0, "older");
        insert("replayed", "gateway-2", 1, "other-app");
        insert("replayed", "gateway-1", 2, "second");

        assertThat(queryRunner.execute("SELECT id FROM replayed.public.otel_logs_and_spans ORDER BY id").getOnlyColumn().toList())
                .containsExactly("first", "other-app", "second");
        assertThat(Files.readString(deltaLog(data).resolve("%020d.json".formatted(0))))
                .contains("{\"txn\":{\"appId\":\"gateway-1\",\"version\":1,\"lastUpdated\":");
    }

    @Test
    void aFreshConnectorReadsTransactionsFromTheCheckpoint()
            throws IOException
    {
        Path data = createCatalog("checkpointed", 5);
        for (int version = 1; version <= 6; version++) {
            insert("checkpointed", "gateway-1", version, "row-" + version);
        }
        Path log = deltaLog(data);
        assertThat(log.resolve("%020d.checkpoint.parquet".formatted(5))).exists();
        // only the checkpoint can tell which transactions versions 0-5 hold once their JSON commits are gone
        for (int version = 0; version <= 5; version++) {
            Files.delete(log.resolve("%020d.json".formatted(version)));
        }
        createCatalog("reopened", data, 5);

        insert("reopened", "gateway-1", 5, "row-5");
        insert("reopened", "gateway-1", 6, "row-6");
        insert("reopened", "gateway-1", 7, "row-7");
        assertThat(queryRunner.execute("SELECT count(*), count(DISTINCT id) FROM reopened.public.otel_logs_and_spans").getMaterializedRows().getFirst().getFields())
                .containsExactly(7L, 7L);
    }

    @Test
    void appIdWithoutVersionIsRefused()
            throws IOException
    {
        createCatalog("half", 100);
        Session session = Session.builder(queryRunner.getDefaultSession()).setCatalogSessionProperty("half", INGEST_TXN_APP_ID, "gateway-1").build();
        assertThatThrownBy(() -> queryRunner.execute(session, insertSql("half", "refused")))
                .hasMessageContaining("Set both ingest_txn_app_id and ingest_txn_version");
        assertThat(queryRunner.execute("SELECT count(*) FROM half.public.otel_logs_and_spans").getOnlyValue()).isEqualTo(0L);
    }

    private void insert(String catalog, String appId, long version, String id)
    {
        Session session = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty(catalog, INGEST_TXN_APP_ID, appId)
                .setCatalogSessionProperty(catalog, INGEST_TXN_VERSION, Long.toString(version))
                .build();
        queryRunner.execute(session, insertSql(catalog, id));
    }

    private static String insertSql(String catalog, String id)
    {
        return "INSERT INTO %s.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('%s', 'p', TIMESTAMP '2025-05-05 05:05:05 UTC', DATE '2025-05-05')"
                .formatted(catalog, id);
    }

    private Path createCatalog(String catalog, int checkpointInterval)
            throws IOException
    {
        Path data = Files.createDirectories(temporaryDirectory.resolve(catalog));
        createCatalog(catalog, data, checkpointInterval);
        return data;
    }

    private void createCatalog(String catalog, Path data, int checkpointInterval)
    {
        Map<String, String> properties = new HashMap<>(TimeFusionQueryRunner.localProperties(data));
        properties.put("timefusion.checkpoint-interval", Integer.toString(checkpointInterval));
        queryRunner.createCatalog(catalog, "timefusion", properties);
    }

    private static Path deltaLog(Path data)
    {
        return data.resolve("timefusion/otel_logs_and_spans/_delta_log");
    }
}

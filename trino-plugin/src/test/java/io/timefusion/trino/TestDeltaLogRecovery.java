package io.timefusion.trino;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.testing.DistributedQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints and damaged logs: each case has its own catalog (its own connector and directory) in one query runner. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestDeltaLogRecovery
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
    void twoHundredInsertsLeaveACheckpointThatAFreshConnectorReadsWithTheTail()
            throws IOException
    {
        Path data = createCatalog("checkpointed");
        for (int i = 0; i < 200; i++) {
            insertOne("checkpointed", "row-" + i);
        }
        Path log = deltaLog(data);
        assertThat(log.resolve("00000000000000000190.checkpoint.parquet")).exists();
        assertThat(Files.readString(log.resolve("_last_checkpoint"))).contains("\"version\":190");
        insertOne("checkpointed", "tail-1");
        insertOne("checkpointed", "tail-2");

        // only the checkpoint can provide versions 0-190 once their JSON commits are gone
        for (int version = 0; version <= 190; version++) {
            Files.delete(log.resolve("%020d.json".formatted(version)));
        }
        createCatalog("reopened", data);
        assertThat(queryRunner.execute("SELECT count(*), count(DISTINCT id) FROM reopened.public.otel_logs_and_spans").getMaterializedRows().getFirst().getFields())
                .containsExactly(202L, 202L);
    }

    @Test
    void truncatedCommitFailsClearlyAndLosesNoEarlierData()
            throws IOException
    {
        Path data = createCatalog("damaged");
        insertOne("damaged", "kept-0");
        insertOne("damaged", "kept-1");
        Path commit = deltaLog(data).resolve("00000000000000000001.json");
        byte[] original = Files.readAllBytes(commit);
        Files.write(commit, Arrays.copyOf(original, original.length / 2));

        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM damaged.public.otel_logs_and_spans"))
                .hasMessageContaining("Delta log entry 00000000000000000001.json")
                .hasMessageContaining("is corrupt");
        assertThatThrownBy(() -> insertOne("damaged", "refused"))
                .hasMessageContaining("is corrupt");
        assertThat(listVersions(data)).containsExactly(0L, 1L);

        Files.write(commit, original);
        assertThat(queryRunner.execute("SELECT id FROM damaged.public.otel_logs_and_spans ORDER BY id").getOnlyColumn().toList())
                .containsExactly("kept-0", "kept-1");
    }

    private Path createCatalog(String catalog)
            throws IOException
    {
        Path data = Files.createDirectories(temporaryDirectory.resolve(catalog));
        createCatalog(catalog, data);
        return data;
    }

    private void createCatalog(String catalog, Path data)
    {
        queryRunner.createCatalog(catalog, "timefusion", TimeFusionQueryRunner.localProperties(data));
    }

    private void insertOne(String catalog, String id)
    {
        queryRunner.execute("INSERT INTO %s.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('%s', 'p', TIMESTAMP '2025-05-05 05:05:05 UTC', DATE '2025-05-05')"
                .formatted(catalog, id));
    }

    private static Path deltaLog(Path data)
    {
        return data.resolve("timefusion/otel_logs_and_spans/_delta_log");
    }

    private static java.util.List<Long> listVersions(Path data)
            throws IOException
    {
        try (Stream<Path> files = Files.list(deltaLog(data))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("\\d{20}\\.json"))
                    .map(name -> Long.parseLong(name.substring(0, 20)))
                    .sorted()
                    .toList();
        }
    }
}

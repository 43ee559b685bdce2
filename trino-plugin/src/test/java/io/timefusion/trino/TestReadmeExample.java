package io.timefusion.trino;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestReadmeExample
{
    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                .build();
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void readmeInsertReadsBackWithDateOfTheUtcDay()
    {
        queryRunner.execute("""
                INSERT INTO otel_logs_and_spans (name, id, project_id, hashes, timestamp, date)
                VALUES ('span-name', 'span-1', 'project-a', ARRAY[], TIMESTAMP '2025-03-01 23:30:00.123456 -02:00', DATE '1999-01-01')
                """);
        MaterializedResult result = queryRunner.execute("SELECT name, id, project_id, cardinality(hashes), CAST(timestamp AS varchar), date FROM otel_logs_and_spans WHERE id = 'span-1'");
        assertThat(result.getMaterializedRows()).hasSize(1);
        assertThat(result.getMaterializedRows().getFirst().getFields())
                .containsExactly("span-name", "span-1", "project-a", 0L, "2025-03-02 01:30:00.123456 UTC", LocalDate.of(2025, 3, 2));
    }
}

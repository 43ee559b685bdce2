package io.timefusion.trino;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector on the embedded default storage, a local directory; one query runner for all cases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestLocalStorage
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
                VALUES ('span-name', 'span-1', 'readme', ARRAY[], TIMESTAMP '2025-03-01 23:30:00.123456 -02:00', DATE '1999-01-01')
                """);
        MaterializedResult result = queryRunner.execute(
                "SELECT name, id, project_id, cardinality(hashes), CAST(timestamp AS varchar), date FROM otel_logs_and_spans WHERE project_id = 'readme'");
        assertThat(result.getMaterializedRows()).hasSize(1);
        assertThat(result.getMaterializedRows().getFirst().getFields())
                .containsExactly("span-name", "span-1", "readme", 0L, "2025-03-02 01:30:00.123456 UTC", LocalDate.of(2025, 3, 2));
    }

    @Test
    void valuesRoundTripExactly()
    {
        queryRunner.execute("""
                INSERT INTO otel_logs_and_spans (timestamp, observed_timestamp, id, parent_id, hashes, name, level, severity,
                    severity___severity_number, body, duration, context___is_remote, attributes___client___port,
                    attributes___http___request___body___size, project_id, summary, errors, date)
                VALUES
                    (TIMESTAMP '2025-06-15 12:34:56.123456 UTC', TIMESTAMP '2025-06-15 12:34:57.000001 UTC', 'rt-1', NULL, ARRAY['a', 'ü', NULL],
                     'żółć 日本 🚀', '', JSON '{"text":"INFO"}', 9, JSON '{"msg":"he said \\"hi\\"","n":[1,2,{"deep":null}]}',
                     9223372036854775807, true, -1, -9223372036854775808, 'round-trip', ARRAY[], JSON '[]', DATE '2025-06-15'),
                    (TIMESTAMP '1969-12-31 23:59:59.999999 UTC', NULL, 'rt-2', 'rt-1', NULL, NULL, NULL, NULL,
                     NULL, NULL, NULL, NULL, NULL, NULL, 'round-trip', NULL, NULL, DATE '1969-12-31')
                """);
        List<MaterializedRow> rows = queryRunner.execute("""
                SELECT timestamp, observed_timestamp, id, parent_id, hashes, name, level, json_format(severity), severity___severity_number,
                    json_format(body), duration, context___is_remote, attributes___client___port, attributes___http___request___body___size,
                    summary, json_format(errors), date, status_message
                FROM otel_logs_and_spans WHERE project_id = 'round-trip' ORDER BY id
                """).getMaterializedRows();
        ZoneId utc = ZoneId.of("UTC");
        assertThat(rows.get(0).getFields()).containsExactly(
                ZonedDateTime.of(2025, 6, 15, 12, 34, 56, 123_456_000, utc),
                ZonedDateTime.of(2025, 6, 15, 12, 34, 57, 1_000, utc),
                "rt-1", null, Arrays.asList("a", "ü", null), "żółć 日本 🚀", "", "{\"text\":\"INFO\"}", 9,
                "{\"msg\":\"he said \\\"hi\\\"\",\"n\":[1,2,{\"deep\":null}]}",
                Long.MAX_VALUE, true, -1, Long.MIN_VALUE, List.of(), "[]", LocalDate.of(2025, 6, 15), null);
        assertThat(rows.get(1).getFields()).containsExactly(
                ZonedDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, utc),
                null, "rt-2", "rt-1", List.of(), null, null, null, null, null, null, null, null, null, List.of(), null, LocalDate.of(1969, 12, 31), null);
    }

    @Test
    void dateIsTheUtcDayOfTimestampWhateverTheClientSent()
    {
        queryRunner.execute("""
                INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date) VALUES
                    ('d-1', 'dates', TIMESTAMP '2025-01-01 00:30:00 +05:00', DATE '2030-01-01'),
                    ('d-2', 'dates', TIMESTAMP '2025-01-01 23:30:00 -05:00', DATE '2025-01-01')
                """);
        assertThat(queryRunner.execute("SELECT id, date FROM otel_logs_and_spans WHERE project_id = 'dates' ORDER BY id").getMaterializedRows())
                .extracting(row -> row.getField(1))
                .containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 2));
        assertThat(queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'dates' AND date = DATE '2024-12-31'").getOnlyValue())
                .isEqualTo(1L);
    }

    @Test
    void nullTimestampIsRejectedNamingTheColumnAndWritesNothing()
            throws IOException
    {
        long commitsBefore = commitCount();
        assertThatThrownBy(() -> queryRunner.execute(
                "INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('n-1', 'nulls', NULL, DATE '2025-01-01')"))
                .hasMessageContaining("NULL value not allowed for NOT NULL column: timestamp");
        assertThat(commitCount()).isEqualTo(commitsBefore);
        assertThat(queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'nulls'").getOnlyValue()).isEqualTo(0L);
    }

    @Test
    void nullIdIsRejectedNamingTheColumnAndWritesNothing()
            throws IOException
    {
        long commitsBefore = commitCount();
        assertThatThrownBy(() -> queryRunner.execute("""
                INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date)
                VALUES ('fine', 'nulls', TIMESTAMP '2025-01-01 00:00:00 UTC', DATE '2025-01-01'), (NULL, 'nulls', TIMESTAMP '2025-01-01 00:00:00 UTC', DATE '2025-01-01')
                """))
                .hasMessageContaining("NULL value not allowed for NOT NULL column: id");
        assertThat(commitCount()).isEqualTo(commitsBefore);
        assertThat(queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'nulls'").getOnlyValue()).isEqualTo(0L);
    }

    @Test
    void emptyProjectIdIsRejectedBecauseDeltaReadsItAsNull()
            throws IOException
    {
        long commitsBefore = commitCount();
        assertThatThrownBy(() -> queryRunner.execute(
                "INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('e-1', '', TIMESTAMP '2025-01-01 00:00:00 UTC', DATE '2025-01-01')"))
                .hasMessageContaining("project_id must not be empty");
        assertThat(commitCount()).isEqualTo(commitsBefore);
    }

    @Test
    void concurrentInsertsBothCommit()
            throws IOException
    {
        long commitsBefore = commitCount();
        List<CompletableFuture<MaterializedResult>> inserts = Stream.of("first", "second")
                .map(batch -> CompletableFuture.supplyAsync(() -> queryRunner.execute("""
                        INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date)
                        SELECT '%s-' || CAST(n AS varchar), 'concurrent', TIMESTAMP '2025-02-01 00:00:00 UTC' + n * INTERVAL '1' SECOND, DATE '2025-02-01'
                        FROM UNNEST(sequence(1, 5000)) AS t(n)
                        """.formatted(batch))))
                .toList();
        inserts.forEach(CompletableFuture::join);
        assertThat(queryRunner.execute("SELECT count(*), count(DISTINCT id) FROM otel_logs_and_spans WHERE project_id = 'concurrent'").getMaterializedRows().getFirst().getFields())
                .containsExactly(10_000L, 10_000L);
        assertThat(commitCount()).isEqualTo(commitsBefore + 2);
    }

    @Test
    void tableHasTheDesignColumnsInOrderWithTypesAndNullability()
    {
        List<String> columns = queryRunner.execute("""
                SELECT column_name || ' ' || data_type || CASE is_nullable WHEN 'NO' THEN ' NOT NULL' ELSE '' END
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'otel_logs_and_spans' ORDER BY ordinal_position
                """).getOnlyColumn().map(String.class::cast).toList();
        assertThat(columns).containsExactlyElementsOf(DesignColumns.EXPECTED);
    }

    private long commitCount()
            throws IOException
    {
        try (Stream<Path> files = Files.list(dataDirectory.resolve("timefusion/otel_logs_and_spans/_delta_log"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).count();
        }
        catch (java.nio.file.NoSuchFileException e) {
            return 0;
        }
    }
}

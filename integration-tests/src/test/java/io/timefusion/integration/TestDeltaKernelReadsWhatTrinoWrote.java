package io.timefusion.integration;

import io.timefusion.contract.SessionProperties;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.Session;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.concurrent.TimeUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/storage.md: the tables are a promise to other tools. Delta Kernel, reading the directory on its own, must see
 * exactly the rows Trino returns through the connector: same rows, every column, same partition values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestDeltaKernelReadsWhatTrinoWrote
{
    private static final String TABLE = "otel_logs_and_spans";

    @TempDir
    static Path dataDirectory;

    private DistributedQueryRunner queryRunner;
    private int insertCommits;
    private long insertedRows;

    @BeforeAll
    void writeRowsThroughTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                // Kernel then reads a Parquet checkpoint of several commits plus a JSON commit after it
                .withConnectorProperties(Map.of("timefusion.checkpoint-interval", "2"))
                .build();

        // `date` is given a wrong value on purpose: the connector derives it from the UTC day of `timestamp`
        insert("""
                INSERT INTO otel_logs_and_spans (timestamp, observed_timestamp, id, parent_id, hashes, name, level,
                    severity___severity_number, body, duration, start_time, context___is_remote, attributes,
                    attributes___client___port, project_id, summary, errors, message_size_bytes, date)
                VALUES
                  (TIMESTAMP '2025-06-15 12:34:56.123456 UTC', TIMESTAMP '2025-06-15 12:34:56.000001 UTC', 'edge-unicode', 'parent-1',
                   ARRAY['h1', 'h2', 'h3'], 'żółć 日本 🚀', 'INFO',
                   9, JSON '{"message":"say \\"hi\\" — żółć 🚀","nested":{"list":[1,2.5,{"deep":null}],"flag":true}}', BIGINT '9223372036854775807',
                   TIMESTAMP '2025-06-15 12:34:56.123455 UTC', true, JSON '{"http.method":"GET","path":"C:\\\\temp\\\\a\\"b"}',
                   2147483647, 'project-a', ARRAY['żółć', '日本', '🚀'], JSON '[]', BIGINT '-9223372036854775808', DATE '2000-01-01'),
                  (TIMESTAMP '2025-06-15 23:30:00.5 -05:00', NULL, 'edge-nulls', NULL,
                   NULL, NULL, NULL,
                   NULL, NULL, NULL,
                   NULL, NULL, NULL,
                   NULL, 'project-b', NULL, NULL, NULL, DATE '2000-01-01'),
                  (TIMESTAMP '1969-12-31 23:59:59.999999 UTC', TIMESTAMP '1970-01-01 00:00:00.000001 UTC', 'edge-pre-epoch', '',
                   ARRAY[], '', 'DEBUG',
                   INTEGER '-2147483648', JSON 'null', 0,
                   TIMESTAMP '1969-12-31 23:59:59 UTC', false, JSON '"just a string"',
                   0, 'acme/eu:prod ż%', ARRAY['', NULL, 'x'], JSON '{}', -1, DATE '2000-01-01'),
                  (TIMESTAMP '9999-12-31 23:59:59.999999 UTC', NULL, 'edge-far-future', NULL,
                   ARRAY['only'], 'far future', NULL,
                   NULL, JSON '[1,[2,[3,[]]],{"a":{"b":{"c":"d"}}}]', 1,
                   NULL, NULL, NULL,
                   NULL, 'project-a', ARRAY[], NULL, 123456789012, DATE '2000-01-01')
                """, 4);

        // every column of the table gets a value unique to it (or NULL, in a pattern that differs per column)
        insert(generatedRowsInsert(), 1500);

        // a second file in an existing partition, at both ends of its day; written as an idempotent batch would be,
        // so the log (and, with checkpoint-interval 2, a checkpoint) holds a txn action
        insert(ingestTransaction("gateway-kernel", 41), """
                INSERT INTO otel_logs_and_spans (timestamp, id, project_id, name, body, hashes, date)
                VALUES
                  (TIMESTAMP '2025-06-15 00:00:00 UTC', 'boundary-start-of-day', 'project-a', 'first µs of the day', JSON '{"k":1}', ARRAY['a', 'b'], DATE '2000-01-01'),
                  (TIMESTAMP '2025-06-15 23:59:59.999999 UTC', 'boundary-end-of-day', 'project-a', 'last µs of the day', JSON '{"k":2}', NULL, DATE '2000-01-01')
                """, 2);

        insert("""
                INSERT INTO otel_logs_and_spans (timestamp, id, project_id, status_message, date)
                VALUES (TIMESTAMP '2025-07-01 08:00:00.000100 +02:00', 'after-checkpoint-ż', 'project-c', 'tab\tnewline\nend', DATE '2000-01-01')
                """, 1);
    }

    @AfterAll
    void stopTrino()
    {
        if (queryRunner != null) {
            queryRunner.close();
        }
    }

    @Test
    void kernelReadsExactlyTheRowsTrinoReturnsInEveryColumn()
    {
        MaterializedResult trino = queryRunner.execute("SELECT * FROM " + TABLE);
        List<Map<String, Object>> trinoRows = VerifierRows.byId(VerifierRows.of(trino));
        List<Map<String, Object>> kernelRows = VerifierRows.byId(DeltaKernel.readRows(tableDirectory()));

        assertThat(trinoRows).hasSize((int) insertedRows);
        assertThat(kernelRows).hasSize(trinoRows.size());
        assertThat(kernelRows.getFirst().keySet()).as("Delta schema columns, in order").containsExactlyElementsOf(trino.getColumnNames());
        assertThat(ids(kernelRows)).containsExactlyElementsOf(ids(trinoRows));

        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < trinoRows.size(); i++) {
            Map<String, Object> expected = trinoRows.get(i);
            Map<String, Object> actual = kernelRows.get(i);
            for (String column : trino.getColumnNames()) {
                softly.assertThat(actual.get(column)).as("%s of row %s", column, expected.get("id")).isEqualTo(expected.get(column));
            }
        }
        softly.assertAll();
    }

    @Test
    void kernelSeesTheProjectAndUtcDayOfEachRowAsItsPartition()
    {
        List<Map<String, Object>> kernelRows = DeltaKernel.readRows(tableDirectory());

        for (Map<String, Object> row : kernelRows) {
            long epochMicros = (Long) row.get("timestamp");
            assertThat(row.get("date")).as("date of row %s", row.get("id"))
                    .isEqualTo(LocalDate.ofEpochDay(Math.floorDiv(epochMicros, DAYS.toMicros(1))).toString());
        }
        Map<String, String> partitionOfEdgeRows = kernelRows.stream()
                .filter(row -> ((String) row.get("id")).startsWith("edge-"))
                .collect(Collectors.toMap(row -> (String) row.get("id"), row -> row.get("project_id") + "/" + row.get("date")));
        assertThat(partitionOfEdgeRows).isEqualTo(Map.of(
                "edge-unicode", "project-a/2025-06-15",
                "edge-nulls", "project-b/2025-06-16",
                "edge-pre-epoch", "acme/eu:prod ż%/1969-12-31",
                "edge-far-future", "project-a/9999-12-31"));

        Set<String> trinoPartitions = queryRunner.execute("SELECT DISTINCT project_id || '/' || CAST(date AS varchar) FROM " + TABLE)
                .getOnlyColumnAsSet().stream().map(String.class::cast).collect(Collectors.toSet());
        Set<String> kernelPartitions = kernelRows.stream().map(row -> row.get("project_id") + "/" + row.get("date")).collect(Collectors.toSet());
        assertThat(kernelPartitions).isEqualTo(trinoPartitions);
    }

    @Test
    void kernelSeesOneTableVersionPerInsert()
    {
        // versions start at 0, which the first INSERT creates
        assertThat(DeltaKernel.readVersion(tableDirectory())).isEqualTo(insertCommits - 1);
    }

    @Test
    void kernelSeesTheApplicationTransactionOfTheIdempotentInsert()
    {
        assertThat(DeltaKernel.readTransactionVersion(tableDirectory(), "gateway-kernel")).hasValue(41L);
        assertThat(DeltaKernel.readTransactionVersion(tableDirectory(), "never-written")).isEmpty();
    }

    private Session ingestTransaction(String appId, long version)
    {
        return Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("timefusion", SessionProperties.INGEST_TXN_APP_ID, appId)
                .setCatalogSessionProperty("timefusion", SessionProperties.INGEST_TXN_VERSION, Long.toString(version))
                .build();
    }

    private void insert(String sql, long expectedRows)
    {
        insert(queryRunner.getDefaultSession(), sql, expectedRows);
    }

    private void insert(Session session, String sql, long expectedRows)
    {
        assertThat(queryRunner.execute(session, sql).getUpdateCount()).hasValue(expectedRows);
        insertCommits++;
        insertedRows += expectedRows;
    }

    private Path tableDirectory()
    {
        return dataDirectory.resolve("timefusion").resolve(TABLE);
    }

    /** An INSERT … SELECT from tpch.tiny.customer that gives each column of the table a value derived from its name and the customer. */
    private String generatedRowsInsert()
    {
        List<MaterializedRow> columns = queryRunner.execute("""
                SELECT column_name, data_type, is_nullable = 'YES'
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = '%s'
                ORDER BY ordinal_position
                """.formatted(TABLE)).getMaterializedRows();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int index = 0; index < columns.size(); index++) {
            String name = (String) columns.get(index).getField(0);
            String type = (String) columns.get(index).getField(1);
            boolean nullable = (Boolean) columns.get(index).getField(2);
            String value = generatedValue(name, type, index);
            names.add('"' + name + '"');
            values.add(nullable ? "IF(c.custkey %% 7 = %d, NULL, %s)".formatted(index % 7, value) : value);
        }
        return "INSERT INTO %s (%s)\nSELECT %s\nFROM tpch.tiny.customer c".formatted(TABLE, String.join(", ", names), String.join(",\n  ", values));
    }

    private static String generatedValue(String column, String type, int index)
    {
        return switch (column) {
            // ~10 days of rows, with microseconds that differ per row
            case "timestamp" -> "CAST(from_unixtime_nanos(1750000000000000000 + c.custkey * 577000001000) AS timestamp(6) with time zone)";
            case "id" -> "'generated-' || lpad(CAST(c.custkey AS varchar), 5, '0')";
            case "project_id" -> "'project-' || CAST(c.custkey % 3 AS varchar)";
            case "date" -> "DATE '2000-01-01'";
            default -> switch (type) {
                case "varchar" -> "'%s ż ' || c.name".formatted(column);
                case "integer" -> "CAST(c.custkey * %d - 40000 AS integer)".formatted(index);
                case "bigint" -> "c.custkey * %d * 1000000007 - 5000000000000".formatted(index);
                case "boolean" -> "(c.custkey + %d) %% 2 = 0".formatted(index);
                case "timestamp(6) with time zone" -> "CAST(from_unixtime_nanos(1600000000000000000 + c.custkey * %d * 1000123000) AS timestamp(6) with time zone)".formatted(index);
                case "json" -> "json_parse(format('{\"column\":\"%s\",\"key\":%%d,\"comment\":%%s,\"nested\":{\"list\":[1,\"two\",null]}}', c.custkey, json_format(CAST(c.comment AS json))))".formatted(column);
                case "array(varchar)" -> "ARRAY['%s', c.mktsegment, c.name]".formatted(column);
                default -> throw new IllegalStateException("No generated value for column %s of type %s".formatted(column, type));
            };
        };
    }

    private static List<Object> ids(List<Map<String, Object>> rows)
    {
        return rows.stream().map(row -> row.get("id")).toList();
    }
}

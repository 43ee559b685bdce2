package io.timefusion.integration.ingest;

import io.timefusion.gateway.ingest.BatchEncoder;
import io.timefusion.gateway.ingest.BatchTxn;
import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.IngestColumn;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.integration.gateway.TestingGateway;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static io.timefusion.gateway.ingest.IngestTables.OTEL_LOGS_AND_SPANS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's batch path into Trino: RowBatch → BatchEncoder → {@code ingest_batch} table function → Delta, read
 * back through Trino; with txn dedupe and refusal of corrupt batches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestIngestBatchFunction
{
    private TestingGateway gateway;
    private IngestTable table;
    private BatchWriter writer;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start();
        table = gateway.instance(IngestTables.class).table(OTEL_LOGS_AND_SPANS);
        writer = gateway.instance(BatchWriter.class);
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void everyColumnRoundTripsWithNullsArraysJsonAndUnicode()
            throws Exception
    {
        List<IngestColumn> columns = table.columns().stream().filter(column -> !column.name().equals(IngestTable.DERIVED_DATE)).toList();
        assertThat(columns).hasSize(89);
        Object[] full = columns.stream().map(TestIngestBatchFunction::sampleValue).toArray();
        Object[] sparse = columns.stream().map(column -> switch (column.name()) {
            case "timestamp" -> Instant.parse("1969-12-31T23:59:59.999999Z");
            case "id" -> "rt-sparse";
            case "project_id" -> "round-trip";
            default -> null;
        }).toArray();
        List<String> names = columns.stream().map(IngestColumn::name).toList();

        assertThat(writer.write(new RowBatch(OTEL_LOGS_AND_SPANS, names, List.of(full, sparse)), Optional.empty())).isEqualTo(2);

        MaterializedRow stored = selectRow("rt-full");
        for (int i = 0; i < columns.size(); i++) {
            assertThat(normalize(stored.getField(i))).as(columns.get(i).name()).isEqualTo(full[i]);
        }
        assertThat(stored.getField(columns.size())).as("date").isEqualTo(LocalDate.of(2025, 6, 15));
        MaterializedRow sparseRow = selectRow("rt-sparse");
        for (int i = 0; i < columns.size(); i++) {
            // the table stores NULL hashes and summary as empty arrays
            Object expected = names.get(i).equals("hashes") || names.get(i).equals("summary") ? List.of() : sparse[i];
            assertThat(normalize(sparseRow.getField(i))).as(columns.get(i).name()).isEqualTo(expected);
        }
        assertThat(sparseRow.getField(columns.size())).as("date of a pre-1970 timestamp").isEqualTo(LocalDate.of(1969, 12, 31));
    }

    @Test
    void rowsOfSeveralProjectsLandInTheirPartitions()
            throws Exception
    {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new Object[] {Instant.parse("2025-07-0%dT10:00:00Z".formatted(1 + i % 2)), "mixed-" + i, "mixed-p" + (i % 3)});
        }
        writer.write(new RowBatch(OTEL_LOGS_AND_SPANS, List.of("timestamp", "id", "project_id"), rows), Optional.empty());

        assertThat(gateway.queryRunner().execute("""
                SELECT project_id, date, count(*) FROM otel_logs_and_spans WHERE project_id LIKE 'mixed-p%' GROUP BY 1, 2
                """).getMaterializedRows()).hasSize(6).allSatisfy(row -> assertThat(row.getField(2)).isEqualTo(5L));
    }

    @Test
    void replayOfACommittedTxnAddsNothing()
            throws Exception
    {
        RowBatch batch = smallBatch("txn-", 3);
        writer.write(batch, Optional.of(new BatchTxn("gateway-a", 7)));
        writer.write(batch, Optional.of(new BatchTxn("gateway-a", 7)));
        writer.write(batch, Optional.of(new BatchTxn("gateway-a", 5)));
        assertThat(countIds("txn-%")).isEqualTo(3L);

        writer.write(batch, Optional.of(new BatchTxn("gateway-a", 8)));
        writer.write(batch, Optional.of(new BatchTxn("gateway-b", 1)));
        assertThat(countIds("txn-%")).isEqualTo(9L);
    }

    @Test
    void corruptBatchIsRefusedAndNothingIsCommitted()
            throws Exception
    {
        byte[] valid = BatchEncoder.encode(table, smallBatch("corrupt-", 5));
        byte[] truncated = Arrays.copyOf(valid, valid.length - 3);
        byte[] wrongMagic = valid.clone();
        wrongMagic[0] = 'X';

        for (byte[] corrupt : List.of(truncated, wrongMagic)) {
            assertThatThrownBy(() -> gateway.queryRunner().execute(
                    "INSERT INTO otel_logs_and_spans SELECT * FROM TABLE(timefusion.system.ingest_batch(batch => '%s'))".formatted(Base64.getEncoder().encodeToString(corrupt))))
                    .hasMessageContaining("Corrupt ingest batch");
        }
        assertThatThrownBy(() -> gateway.queryRunner().execute(
                "INSERT INTO otel_logs_and_spans SELECT * FROM TABLE(timefusion.system.ingest_batch(batch => 'not base64!'))"))
                .hasMessageContaining("not base64");
        assertThat(countIds("corrupt-%")).isZero();
    }

    private RowBatch smallBatch(String idPrefix, int rows)
    {
        List<Object[]> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            values.add(new Object[] {Instant.parse("2025-08-01T00:00:00Z").plusSeconds(i), idPrefix + i, "small", "{\"i\":" + i + "}"});
        }
        return new RowBatch(OTEL_LOGS_AND_SPANS, List.of("timestamp", "id", "project_id", "body"), values);
    }

    private long countIds(String pattern)
    {
        return (long) gateway.queryRunner().execute("SELECT count(*) FROM otel_logs_and_spans WHERE id LIKE '%s'".formatted(pattern)).getOnlyValue();
    }

    private MaterializedRow selectRow(String id)
    {
        List<MaterializedRow> rows = gateway.queryRunner().execute("SELECT * FROM otel_logs_and_spans WHERE id = '%s'".formatted(id)).getMaterializedRows();
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private static Object normalize(Object value)
    {
        return value instanceof ZonedDateTime timestamp ? timestamp.toInstant() : value;
    }

    private static Object sampleValue(IngestColumn column)
    {
        return switch (column.name()) {
            case "id" -> "rt-full";
            case "project_id" -> "round-trip";
            case "timestamp" -> Instant.parse("2025-06-15T12:34:56.123456Z");
            default -> switch (column.type()) {
                case VARCHAR -> column.name() + " żółć 日本 🚀 'q' \"dq\" \\ \t";
                case JSON -> "{\"column\":\"%s\",\"n\":[1,2.5,{\"deep\":null}],\"u\":\"日本 🚀 \\\"q\\\"\"}".formatted(column.name());
                case INTEGER -> -column.name().length();
                case BIGINT -> Long.MAX_VALUE - column.name().length();
                case BOOLEAN -> true;
                case TIMESTAMPTZ -> Instant.parse("2025-06-15T00:00:00.000001Z").plusSeconds(column.name().length());
                case DATE -> LocalDate.of(2025, 6, 15);
                case VARCHAR_ARRAY -> Arrays.asList("a", null, "ü 🚀", "");
            };
        };
    }
}

package io.timefusion.gateway.ingest;

import io.timefusion.contract.BatchColumnType;
import io.timefusion.gateway.sql.TrinoSql;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which client INSERTs the gateway turns into rows itself, and the rows it makes of them. */
class TestIngestInsert
{
    private static final IngestTable TABLE = new IngestTable("otel_logs_and_spans", List.of(
            new IngestColumn("timestamp", BatchColumnType.TIMESTAMPTZ, false),
            new IngestColumn("id", BatchColumnType.VARCHAR, false),
            new IngestColumn("hashes", BatchColumnType.VARCHAR_ARRAY, true),
            new IngestColumn("body", BatchColumnType.JSON, true),
            new IngestColumn("duration", BatchColumnType.BIGINT, true),
            new IngestColumn("attributes___client___port", BatchColumnType.INTEGER, true),
            new IngestColumn("context___is_remote", BatchColumnType.BOOLEAN, true),
            new IngestColumn("project_id", BatchColumnType.VARCHAR, false),
            new IngestColumn("date", BatchColumnType.DATE, false)));

    @Test
    void multiRowValuesOfLiteralsBecomeRowsOfColumnValues()
            throws Exception
    {
        RowBatch batch = parse("""
                INSERT INTO public.otel_logs_and_spans (timestamp, ID, "project_id", hashes, body, duration, attributes___client___port, context___is_remote)
                VALUES ('2025-01-02 03:04:05.123456+02', 'a', 'p', ARRAY['x', NULL], '{"k": 1}'::jsonb, -9223372036854775808, +80, true),
                       (TIMESTAMP '2025-01-02 00:00:00', E'tab\\there\\x41\\u00fc', 'p', '{y,"z z"}', NULL, 1.0, NULL, false)
                """).bind(TABLE, List.of());

        assertThat(batch.columns()).containsExactly("timestamp", "id", "project_id", "hashes", "body", "duration", "attributes___client___port", "context___is_remote");
        assertThat(batch.rows().get(0)).containsExactly(Instant.parse("2025-01-02T01:04:05.123456Z"), "a", "p", Arrays.asList("x", null), "{\"k\": 1}", Long.MIN_VALUE, 80, true);
        assertThat(batch.rows().get(1)).containsExactly(Instant.parse("2025-01-02T00:00:00Z"), "tab\thereAü", "p", List.of("y", "z z"), null, 1L, null, false);
    }

    @Test
    void parametersAreReadAsTheirColumnsTypeInTextAndInTheDeclaredTypeInBinary()
            throws Exception
    {
        IngestInsert insert = shape("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, duration) VALUES ($1, $2, $3, $4::int8)").orElseThrow();
        assertThat(insert.parameterCount()).isEqualTo(4);
        assertThat(insert.parameterTypeOids(TABLE)).containsExactly(1184, 1043, 1043, 20);

        RowBatch batch = insert.bind(TABLE, List.of(
                text("2025-03-04 05:06:07Z"),
                text("id-1"),
                new BindValue("p".getBytes(UTF_8), true, 25),
                new BindValue(ByteBuffer.allocate(4).putInt(42).array(), true, 23)));
        assertThat(batch.rows().getFirst()).containsExactly(Instant.parse("2025-03-04T05:06:07Z"), "id-1", "p", 42L);
    }

    @Test
    void unnestOfArraysPadsShorterOnesWithNull()
            throws Exception
    {
        RowBatch batch = parse("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, duration) SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::bigint[])")
                .bind(TABLE, List.of(text("{\"2025-01-01 00:00:00+00\",\"2025-01-02 00:00:00+00\"}"), text("{a,b}"), text("{p,p}"), text("{7}")));

        assertThat(batch.rows()).hasSize(2);
        assertThat(batch.rows().get(1)).containsExactly(Instant.parse("2025-01-02T00:00:00Z"), "b", "p", null);
    }

    @Test
    void otherShapesAreLeftToTrino()
    {
        assertThat(shape("INSERT INTO otel_logs_and_spans (id) SELECT id FROM otel_logs_and_spans")).isEmpty();
        assertThat(shape("INSERT INTO otel_logs_and_spans (timestamp, id, project_id) VALUES (now(), 'a', 'p')")).isEmpty();
        assertThat(shape("INSERT INTO otel_logs_and_spans (id) VALUES ('a') RETURNING id")).isEmpty();
        assertThat(shape("INSERT INTO other_table (id) VALUES ('a')")).isEmpty();
        assertThat(shape("INSERT INTO other_schema.otel_logs_and_spans (id) VALUES ('a')")).isEmpty();
        assertThat(shape("INSERT INTO \"OTEL_LOGS_AND_SPANS\" (id) VALUES ('a')")).isEmpty();
    }

    @Test
    void valueTheColumnCannotTakeIsRefusedWithPostgresSqlStateNamingTheColumn()
    {
        assertThatThrownBy(() -> parse("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, attributes___client___port) VALUES ('2025-01-01Z', 'a', 'p', 'x')").bind(TABLE, List.of()))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("22P02");
                    assertThat(e.getMessage()).isEqualTo("invalid input syntax for type integer: \"x\" (column attributes___client___port)");
                });
        assertThatThrownBy(() -> parse("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, attributes___client___port) VALUES ('2025-01-01Z', 'a', 'p', 3000000000)").bind(TABLE, List.of()))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
        assertThatThrownBy(() -> parse("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, body) VALUES ('2025-01-01Z', 'a', 'p', '{\"k\":')").bind(TABLE, List.of()))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
        assertThatThrownBy(() -> parse("INSERT INTO otel_logs_and_spans (timestamp, id, project_id) VALUES ('2025-01-01Z', NULL, 'p')").bind(TABLE, List.of()))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.getMessage()).isEqualTo("null value in column \"id\" of relation \"otel_logs_and_spans\" violates not-null constraint"));
        assertThatThrownBy(() -> parse("INSERT INTO otel_logs_and_spans (timestamp, project_id) VALUES ('2025-01-01Z', 'p')").bind(TABLE, List.of()))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.getSQLState()).isEqualTo("23502"));
        assertThatThrownBy(() -> parse("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, nope) VALUES ('2025-01-01Z', 'a', 'p', 1)").bind(TABLE, List.of()))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.getSQLState()).isEqualTo("42703"));
        assertThatThrownBy(() -> parse("INSERT INTO otel_logs_and_spans (timestamp, id, project_id) VALUES ('infinity', 'a', 'p')").bind(TABLE, List.of()))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.getSQLState()).isEqualTo("22008"));
    }

    @Test
    void dateIsAcceptedButNeverRequired()
            throws Exception
    {
        RowBatch batch = parse("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, date) VALUES ('2025-01-01Z', 'a', 'p', '2025-01-01')").bind(TABLE, List.of());
        assertThat(batch.rows().getFirst()[3]).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    private static IngestInsert parse(String sql)
    {
        return shape(sql).orElseThrow();
    }

    /** The rows' shape the translator finds in the INSERT, as the gateway routes it. */
    private static Optional<IngestInsert> shape(String sql)
    {
        return TrinoSql.translated(sql).ingest();
    }

    private static BindValue text(String value)
    {
        return new BindValue(value.getBytes(UTF_8), false, 0);
    }
}

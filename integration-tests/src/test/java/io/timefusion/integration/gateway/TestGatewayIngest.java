package io.timefusion.integration.gateway;

import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client INSERTs into otel_logs_and_spans in direct mode: the gateway parses them into rows and writes each as one
 * Trino statement carrying the encoded batch; the client's INSERT tag comes after the Delta commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGatewayIngest
{
    private TestingGateway gateway;
    private List<String> columns;
    private List<String> types;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start();
        List<MaterializedRow> described = gateway.queryRunner().execute("DESCRIBE otel_logs_and_spans").getMaterializedRows();
        // the client's shape: every column but date (derived) and message_size_bytes
        columns = described.stream().map(row -> (String) row.getField(0)).filter(name -> !name.equals("date") && !name.equals("message_size_bytes")).toList();
        types = described.stream().filter(row -> columns.contains((String) row.getField(0))).map(row -> (String) row.getField(1)).toList();
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void pgjdbcMultiRowInsertWithOneBindPerCellLandsExactly()
            throws Exception
    {
        assertThat(columns).hasSize(88);
        String rowPlaceholders = "(" + columns.stream().map(_ -> "?").collect(Collectors.joining(", ")) + ")";
        String sql = "INSERT INTO otel_logs_and_spans (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(100, rowPlaceholders));
        try (Connection connection = gateway.connect();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (int row = 0; row < 100; row++) {
                for (int column = 0; column < columns.size(); column++) {
                    bindSample(connection, insert, parameter++, columns.get(column), types.get(column), row);
                }
            }
            assertThat(insert.executeUpdate()).isEqualTo(100);
        }

        assertThat(gateway.queryRunner().execute("SELECT count(*), count(DISTINCT id) FROM otel_logs_and_spans WHERE project_id = 'bind-project'").getMaterializedRows().getFirst().getFields())
                .containsExactly(100L, 100L);
        List<MaterializedRow> rows = gateway.queryRunner().execute("SELECT " + String.join(", ", columns.stream().map(name -> "\"" + name + "\"").toList())
                + " FROM otel_logs_and_spans WHERE id = 'bind-42'").getMaterializedRows();
        assertThat(rows).hasSize(1);
        for (int column = 0; column < columns.size(); column++) {
            Object expected = expectedSample(columns.get(column), types.get(column), 42);
            // the table stores NULL hashes and summary as empty arrays
            assertThat(normalize(rows.getFirst().getField(column))).as(columns.get(column)).isEqualTo(expected == null && types.get(column).startsWith("array") ? List.of() : expected);
        }
    }

    @Test
    void unnestOfArrayBindsLandsOneRowPerElement()
            throws Exception
    {
        try (Connection connection = gateway.connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO otel_logs_and_spans (timestamp, id, project_id, duration, level)
                        SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::text[], ?::bigint[], ?::text[])
                        """)) {
            insert.setArray(1, connection.createArrayOf("timestamptz", new Object[] {
                    OffsetDateTime.parse("2025-05-01T10:00:00.000001Z"), OffsetDateTime.parse("2025-05-02T10:00:00Z"), OffsetDateTime.parse("2025-05-02T11:00:00+02:00")}));
            insert.setArray(2, connection.createArrayOf("text", new Object[] {"unnest-1", "unnest-2", "unnest-3"}));
            insert.setArray(3, connection.createArrayOf("text", new Object[] {"unnest", "unnest", "unnest"}));
            insert.setArray(4, connection.createArrayOf("int8", new Object[] {1L, null, 3L}));
            insert.setArray(5, connection.createArrayOf("text", new Object[] {"INFO", "it's \"quoted\"", null}));
            assertThat(insert.executeUpdate()).isEqualTo(3);
        }
        assertThat(gateway.queryRunner().execute("""
                SELECT id, CAST(timestamp AS varchar), duration, level, CAST(date AS varchar) FROM otel_logs_and_spans WHERE project_id = 'unnest' ORDER BY id
                """).getMaterializedRows()).extracting(MaterializedRow::getFields).containsExactly(
                List.of("unnest-1", "2025-05-01 10:00:00.000001 UTC", 1L, "INFO", "2025-05-01"),
                Arrays.asList("unnest-2", "2025-05-02 10:00:00.000000 UTC", null, "it's \"quoted\"", "2025-05-02"),
                Arrays.asList("unnest-3", "2025-05-02 09:00:00.000000 UTC", 3L, null, "2025-05-02"));
    }

    @Test
    void literalMultiRowInsertOfTheSimpleProtocolLands()
            throws Exception
    {
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO otel_logs_and_spans (timestamp, id, project_id, hashes, body, attributes___client___port, context___is_remote, name)
                    VALUES ('2025-04-01 08:00:00+00', 'literal-1', 'literal', ARRAY['h1', 'h2'], '{"k": [1, 2]}'::jsonb, -5, true, E'tab\\there'),
                           ('2025-04-01T09:00:00.5Z'::timestamptz, 'literal-2', 'literal', '{}', NULL, 65535, false, 'it''s')
                    """);
            assertThat(statement.getUpdateCount()).isEqualTo(2);
        }
        assertThat(gateway.queryRunner().execute("""
                SELECT id, hashes, json_format(body), attributes___client___port, context___is_remote, name FROM otel_logs_and_spans WHERE project_id = 'literal' ORDER BY id
                """).getMaterializedRows()).extracting(MaterializedRow::getFields).containsExactly(
                List.of("literal-1", List.of("h1", "h2"), "{\"k\":[1,2]}", -5, true, "tab\there"),
                Arrays.asList("literal-2", List.of(), null, 65535, false, "it's"));
    }

    @Test
    void multiRowInsertReachesTrinoAsOneIngestBatchStatement()
            throws Exception
    {
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO otel_logs_and_spans (timestamp, id, project_id) VALUES ('2025-04-02 00:00:00+00', 'one-statement-0', 'one-statement'),
                        ('2025-04-02 00:00:01+00', 'one-statement-1', 'one-statement'), ('2025-04-02 00:00:02+00', 'one-statement-2', 'one-statement')
                    """);
        }
        List<String> inserts = gateway.queryRunner().execute("""
                SELECT query FROM system.runtime.queries WHERE query LIKE 'INSERT%' AND query NOT LIKE '%system.runtime%'
                """).getMaterializedRows().stream().map(row -> (String) row.getField(0)).toList();
        // the rows travel encoded: no INSERT reached Trino with their ids in its text
        assertThat(inserts).noneMatch(query -> query.contains("one-statement-"));
        assertThat(inserts).anyMatch(query -> query.contains("ingest_batch"));
        assertThat(gateway.queryRunner().execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'one-statement'").getOnlyValue()).isEqualTo(3L);
    }

    @Test
    void valueTheColumnCannotTakeIsRefusedNamingItAndNothingIsWritten()
            throws Exception
    {
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("""
                    INSERT INTO otel_logs_and_spans (timestamp, id, project_id, attributes___client___port)
                    VALUES ('2025-04-03 00:00:00+00', 'refused-1', 'refused', 1), ('2025-04-03 00:00:00+00', 'refused-2', 'refused', 'eighty')
                    """))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P02");
                        assertThat(e.getMessage()).contains("integer").contains("eighty").contains("attributes___client___port");
                    });
            assertThatThrownBy(() -> statement.execute("INSERT INTO otel_logs_and_spans (timestamp, id, project_id) VALUES ('2025-04-03 00:00:00+00', NULL, 'refused')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23502"));
            assertThatThrownBy(() -> statement.execute("INSERT INTO otel_logs_and_spans (timestamp, project_id) VALUES ('2025-04-03 00:00:00+00', 'refused')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("\"id\""));
            assertThatThrownBy(() -> statement.execute("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, body) VALUES ('2025-04-03 00:00:00+00', 'refused-3', 'refused', '{oops')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
        }
        assertThat(gateway.queryRunner().execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'refused'").getOnlyValue()).isEqualTo(0L);
    }

    @Test
    void insertSelectFromTheTableStillRunsOnTrino()
            throws Exception
    {
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO otel_logs_and_spans (timestamp, id, project_id) VALUES ('2025-04-04 00:00:00+00', 'copy-source', 'copy-from')");
            statement.execute("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, date) SELECT timestamp, id || '-copy', 'copy-to', date FROM otel_logs_and_spans WHERE project_id = 'copy-from'");
            assertThat(statement.getUpdateCount()).isEqualTo(1);
        }
        assertThat(gateway.queryRunner().execute("SELECT id FROM otel_logs_and_spans WHERE project_id = 'copy-to'").getOnlyValue()).isEqualTo("copy-source-copy");
    }

    @Test
    void insertMakesTheCachedCountOfTheTableStale()
            throws Exception
    {
        String count = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'cache-check'";
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, count)).isEqualTo(0L);
            assertThat(single(statement, count)).isEqualTo(0L);
            statement.execute("INSERT INTO otel_logs_and_spans (timestamp, id, project_id) VALUES ('2025-04-05 00:00:00+00', 'cache-1', 'cache-check')");
            assertThat(single(statement, count)).isEqualTo(1L);
        }
    }

    private static long single(Statement statement, String sql)
            throws SQLException
    {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Object normalize(Object value)
    {
        return value instanceof ZonedDateTime timestamp ? timestamp.toInstant() : value;
    }

    private static void bindSample(Connection connection, PreparedStatement insert, int parameter, String column, String type, int row)
            throws SQLException
    {
        Object value = expectedSample(column, type, row);
        switch (value) {
            case null -> insert.setNull(parameter, java.sql.Types.VARCHAR);
            case Instant instant -> insert.setObject(parameter, instant.atOffset(ZoneOffset.UTC));
            case Integer number -> insert.setInt(parameter, number);
            case Long number -> insert.setLong(parameter, number);
            case Boolean bool -> insert.setBoolean(parameter, bool);
            case List<?> list -> {
                Array array = connection.createArrayOf("text", list.toArray());
                insert.setArray(parameter, array);
            }
            default -> insert.setString(parameter, value.toString());
        }
    }

    /** A value for every cell: a NULL in every seventh nullable cell, unicode, quotes, JSON, arrays. */
    private static Object expectedSample(String column, String type, int row)
    {
        return switch (column) {
            case "id" -> "bind-" + row;
            case "project_id" -> "bind-project";
            case "timestamp" -> Instant.parse("2025-06-01T00:00:00Z").plusMillis(row * 1_000_001L);
            default -> {
                if ((row + column.length()) % 7 == 0) {
                    yield null;
                }
                yield switch (type) {
                    case "varchar" -> column + " " + row + " żółć 🚀 'q'";
                    case "json" -> "{\"row\":%d,\"u\":\"日本\"}".formatted(row);
                    case "integer" -> row * 1000 - column.length();
                    case "bigint" -> (long) row * 1_000_000_007L;
                    case "boolean" -> row % 2 == 0;
                    case "timestamp(6) with time zone" -> Instant.parse("2025-06-01T00:00:00.000001Z").plusSeconds(row);
                    case "array(varchar)" -> new ArrayList<>(List.of("a" + row, "ü"));
                    default -> throw new IllegalArgumentException(type);
                };
            }
        };
    }
}

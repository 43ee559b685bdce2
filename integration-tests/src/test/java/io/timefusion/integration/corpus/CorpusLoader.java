package io.timefusion.integration.corpus;

import com.google.common.collect.Lists;
import io.trino.testing.QueryRunner;
import org.postgresql.util.PGobject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts {@link CorpusRows} into both servers by their most direct route, bypassing the gateway (whose
 * translation is what the corpus tests): Trino SQL literals into the connector, binds into Postgres.
 */
final class CorpusLoader
{
    private static final DateTimeFormatter TRINO_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final int ROWS_PER_INSERT = 160;

    private CorpusLoader() {}

    static void intoTrino(QueryRunner trino, List<Map<String, Object>> rows)
    {
        String columns = String.join(", ", rows.getFirst().keySet());
        for (List<Map<String, Object>> batch : Lists.partition(rows, ROWS_PER_INSERT)) {
            String values = batch.stream()
                    .map(row -> row.values().stream().map(CorpusLoader::trinoLiteral).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(",\n"));
            trino.execute("INSERT INTO otel_logs_and_spans (%s) VALUES %s".formatted(columns, values));
        }
    }

    private static String trinoLiteral(Object value)
    {
        return switch (value) {
            case null -> "NULL";
            case String text -> quote(text);
            case OffsetDateTime timestamp -> "TIMESTAMP '%s UTC'".formatted(TRINO_TIMESTAMP.format(timestamp));
            case LocalDate date -> "DATE '%s'".formatted(date);
            case Integer number -> "INTEGER '%d'".formatted(number);
            case Long number -> "BIGINT '%d'".formatted(number);
            case Boolean bool -> bool.toString();
            case CorpusRows.Json json -> "JSON " + quote(json.text());
            case List<?> texts -> texts.isEmpty() ? "CAST(ARRAY[] AS array(varchar))"
                    : texts.stream().map(text -> quote((String) text)).collect(Collectors.joining(", ", "ARRAY[", "]"));
            default -> throw new IllegalArgumentException("No Trino literal for " + value.getClass());
        };
    }

    private static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }

    static void intoPostgres(Connection postgres, List<Map<String, Object>> rows)
            throws SQLException
    {
        try (Statement statement = postgres.createStatement()) {
            statement.execute(CorpusTable.postgresDefinition());
        }
        // Postgres computes date itself (a generated column)
        List<String> columns = rows.getFirst().keySet().stream().filter(column -> !column.equals("date")).toList();
        String insert = "INSERT INTO otel_logs_and_spans (%s) VALUES (%s)".formatted(
                String.join(", ", columns), columns.stream().map(_ -> "?").collect(Collectors.joining(", ")));
        try (PreparedStatement statement = postgres.prepareStatement(insert)) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    statement.setObject(i + 1, postgresValue(postgres, row.get(columns.get(i))));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Object postgresValue(Connection postgres, Object value)
            throws SQLException
    {
        return switch (value) {
            case CorpusRows.Json json -> {
                PGobject jsonb = new PGobject();
                jsonb.setType("jsonb");
                jsonb.setValue(json.text());
                yield jsonb;
            }
            case List<?> texts -> postgres.createArrayOf("text", texts.toArray());
            case null, default -> value;
        };
    }
}

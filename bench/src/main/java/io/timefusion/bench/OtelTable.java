package io.timefusion.bench;

import io.timefusion.testing.PostgresServer;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import io.trino.type.JsonType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * All 88 columns of {@code otel_logs_and_spans}, read from the plugin's own definition, and the same table as
 * PostgreSQL DDL (with the index on {@code (project_id, timestamp)}), so both servers get the same table.
 */
final class OtelTable
{
    static final List<TableColumn> COLUMNS = new OtelLogsAndSpansTable(JsonType.JSON).columns();

    private OtelTable() {}

    static String columnList()
    {
        return COLUMNS.stream().map(column -> '"' + column.name() + '"').collect(Collectors.joining(", "));
    }

    /** The table, with the index a PostgreSQL user adds for it, in the benchmark's reference PostgreSQL. */
    static void createIn(PostgresServer postgres)
            throws SQLException
    {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            for (String ddl : postgresDdl()) {
                statement.execute(ddl);
            }
        }
    }

    private static List<String> postgresDdl()
    {
        String columns = COLUMNS.stream()
                .map(column -> "\"%s\" %s%s".formatted(column.name(), postgresType(column.type()), column.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(",\n    "));
        return List.of(
                "CREATE TABLE otel_logs_and_spans (\n    " + columns + "\n)",
                "CREATE INDEX otel_logs_and_spans_project_timestamp ON otel_logs_and_spans (project_id, \"timestamp\")");
    }

    private static String postgresType(Type type)
    {
        return switch (type) {
            case TimestampWithTimeZoneType _ -> "timestamptz";
            case VarcharType _ -> "text";
            case JsonType _ -> "jsonb";
            case IntegerType _ -> "integer";
            case BigintType _ -> "bigint";
            case BooleanType _ -> "boolean";
            case DateType _ -> "date";
            case ArrayType _ -> "text[]";
            default -> throw new IllegalArgumentException("no PostgreSQL type for " + type);
        };
    }
}

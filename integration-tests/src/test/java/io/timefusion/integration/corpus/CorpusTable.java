package io.timefusion.integration.corpus;

import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.stream.Collectors;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.type.JsonType.JSON;

/**
 * otel_logs_and_spans on the reference Postgres, derived from the connector's own column list so that both
 * servers hold the same columns in the same order: docs/storage.md's column types as Postgres names them (varchar as text,
 * Trino json as jsonb, array(varchar) as text[]). Postgres computes {@code date} from {@code timestamp} in UTC
 * and defaults the arrays to empty, as docs/storage.md promises for INSERTs that omit them.
 */
public final class CorpusTable
{
    static final List<TableColumn> COLUMNS = new OtelLogsAndSpansTable(JSON).columns();

    private CorpusTable() {}

    public static String postgresDefinition()
    {
        return COLUMNS.stream()
                .map(CorpusTable::postgresColumn)
                .collect(Collectors.joining(",\n    ", "CREATE TABLE otel_logs_and_spans (\n    ", "\n)"));
    }

    private static String postgresColumn(TableColumn column)
    {
        if (column.name().equals(OtelLogsAndSpansTable.DATE_COLUMN)) {
            return "date date NOT NULL GENERATED ALWAYS AS ((timestamp AT TIME ZONE 'UTC')::date) STORED";
        }
        String definition = column.name() + " " + postgresType(column.type());
        if (column.type() instanceof ArrayType) {
            definition += " DEFAULT '{}'";
        }
        return column.nullable() ? definition : definition + " NOT NULL";
    }

    private static String postgresType(Type type)
    {
        if (type.equals(TIMESTAMP_TZ_MICROS)) {
            return "timestamptz";
        }
        if (type.equals(VARCHAR)) {
            return "text";
        }
        if (type.equals(JSON)) {
            return "jsonb";
        }
        if (type.equals(new ArrayType(VARCHAR))) {
            return "text[]";
        }
        if (type.equals(INTEGER)) {
            return "integer";
        }
        if (type.equals(BIGINT)) {
            return "bigint";
        }
        if (type.equals(BOOLEAN)) {
            return "boolean";
        }
        if (type.equals(DATE)) {
            return "date";
        }
        throw new IllegalArgumentException("No Postgres type for " + type);
    }
}

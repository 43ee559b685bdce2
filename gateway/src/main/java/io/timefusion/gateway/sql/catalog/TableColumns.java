package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.server.PgTypeMapping;
import io.timefusion.gateway.trino.TrinoType;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns of the catalog's tables as Trino's information_schema.columns reports them, each with the Postgres
 * type the wire protocol sends for it ({@link PgTypeMapping}), so that what the catalog says about a column is
 * what a client receives when it selects the column.
 */
final class TableColumns
{
    /** The Trino types as information_schema.columns names them, without their parameters (varchar(10) is varchar). */
    private static final List<String> SCALAR_TRINO_TYPES = List.of(
            "boolean", "tinyint", "smallint", "integer", "bigint", "real", "double", "decimal", "varchar", "char", "varbinary", "json",
            "date", "uuid", "interval day to second", "interval year to month", "time", "timestamp", "timestamp with time zone");
    private static final List<String> TRINO_TYPES = Stream.concat(SCALAR_TRINO_TYPES.stream(), SCALAR_TRINO_TYPES.stream().map(type -> "array(" + type + ")"))
            .toList();

    private TableColumns() {}

    /**
     * Columns table_schema, table_name, column_name, ordinal_position, is_nullable ('YES'/'NO') and, from pg_type,
     * oid, typname, typlen, typbyval, typalign, typstorage, typcollation, sql_name (format_type's name) and is_array.
     */
    static String query()
    {
        String bareType = "regexp_replace(c.data_type, '\\(\\d+(,\\s*\\d+)?\\)', '')";
        // a type the gateway has no Postgres counterpart for (row, map, ipaddress …) is sent as text, as PgTypeMapping does
        return """
                SELECT c.table_schema, c.table_name, c.column_name, c.ordinal_position, c.is_nullable, t.oid, t.typname, t.typlen, t.typbyval,
                    t.typalign, t.typstorage, t.typcollation, t.sql_name, t.is_array
                FROM information_schema.columns AS c
                JOIN (VALUES %s) AS t(trino_type, oid, typname, typlen, typbyval, typalign, typstorage, typcollation, sql_name, is_array)
                ON t.trino_type = CASE WHEN %s IN (%s) THEN %s WHEN c.data_type LIKE 'array(%%' THEN 'array(varchar)' ELSE 'varchar' END
                WHERE c.table_schema <> 'information_schema'"""
                .formatted(lookupRows(), bareType, TRINO_TYPES.stream().map(type -> "'" + type + "'").collect(Collectors.joining(", ")), bareType);
    }

    private static String lookupRows()
    {
        return TRINO_TYPES.stream()
                .map(trinoType -> {
                    CatalogType type = CatalogTypes.of(PgTypeMapping.forTrino(TrinoType.parse(trinoType)));
                    return "('%s', %d, '%s', %d, %s, '%s', '%s', %d, '%s', %s)".formatted(trinoType, type.oid(), type.name(), type.type().typeLength(),
                            type.byValue(), type.align(), type.storage(), type.collation(), type.sqlName(), type.isArray());
                })
                .collect(Collectors.joining(", "));
    }
}

package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.pgwire.types.PgType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pg_catalog tables the gateway emulates, each as the body of a common table expression that Trino runs:
 * the rows come from the gateway's own catalog of Postgres types, so what clients read matches what the wire
 * protocol sends them.
 */
public final class PgCatalogTables
        implements CatalogRelations
{
    static final int PG_CATALOG_NAMESPACE = 11;
    static final int PUBLIC_NAMESPACE = 2200;

    static final int INFORMATION_SCHEMA_NAMESPACE = 13000;

    private static final Map<String, String> TABLES = Map.of(
            "pg_type", pgType(),
            "pg_namespace", """
                    SELECT * FROM (VALUES (%d, 'pg_catalog', 10), (%d, 'public', 10), (%d, 'information_schema', 10)) AS t(oid, nspname, nspowner)"""
                    .formatted(PG_CATALOG_NAMESPACE, PUBLIC_NAMESPACE, INFORMATION_SCHEMA_NAMESPACE),
            // the tables and views Trino reports for the session's catalog; a CRC of the name is an OID that stays the same across restarts
            "pg_class", """
                    SELECT CAST(crc32(to_utf8(table_schema || '.' || table_name)) %% 1000000000 + 100000 AS integer) AS oid, table_name AS relname,
                        CASE table_schema WHEN 'public' THEN %d ELSE %d END AS relnamespace,
                        CASE table_type WHEN 'VIEW' THEN 'v' ELSE 'r' END AS relkind, 10 AS relowner, 2 AS relam, 'p' AS relpersistence,
                        false AS relhasindex, false AS relispartition, CAST(-1 AS real) AS reltuples
                    FROM information_schema.tables WHERE table_schema <> 'information_schema'""".formatted(PUBLIC_NAMESPACE, INFORMATION_SCHEMA_NAMESPACE),
            "pg_am", "SELECT * FROM (VALUES (2, 'heap', 't')) AS t(oid, amname, amtype)");

    @Override
    public Optional<CatalogRelation> relation(String schema, String relation)
    {
        if (!schema.equals("pg_catalog")) {
            return Optional.empty();
        }
        return Optional.ofNullable(TABLES.get(relation)).map(query -> new CatalogRelation(relation, query, List.of()));
    }

    private static String pgType()
    {
        List<PgType<?>> types = PgType.all();
        String rows = types.stream()
                .map(type -> "(%d, '%s', %d, 10, %d, %s, 'b', '%s', ',', 0, %d, %d, 0, -1, false)".formatted(
                        type.oid(), type.name(), PG_CATALOG_NAMESPACE, type.typeLength(), type.typeLength() > 0 && type.typeLength() <= 8,
                        category(type), type.elementOid(), type.arrayTypeOid()))
                .collect(Collectors.joining(", "));
        return "SELECT * FROM (VALUES " + rows + ") AS t(oid, typname, typnamespace, typowner, typlen, typbyval, typtype, typcategory, "
                + "typdelim, typrelid, typelem, typarray, typbasetype, typtypmod, typnotnull)";
    }

    private static String category(PgType<?> type)
    {
        if (type.elementOid() != 0) {
            return "A";
        }
        return switch (type.name()) {
            case "bool" -> "B";
            case "int2", "int4", "int8", "float4", "float8", "numeric", "oid" -> "N";
            case "date", "time", "timestamp", "timestamptz" -> "D";
            case "interval" -> "T";
            case "text", "varchar", "bpchar", "name" -> "S";
            default -> "U";
        };
    }
}

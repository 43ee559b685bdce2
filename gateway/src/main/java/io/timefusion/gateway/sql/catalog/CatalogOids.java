package io.timefusion.gateway.sql.catalog;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The object identifiers of the emulated catalog. Postgres' own fixed OIDs where clients know them (namespaces
 * pg_catalog and public, the bootstrap role, the heap access method, the default collation); everything else is
 * the CRC-32 of its qualified name, which the gateway computes in Java and Trino computes in SQL with the same
 * result, so an OID is the same in every statement and across restarts without a table to keep them in.
 */
public final class CatalogOids
{
    public static final int PG_CATALOG_NAMESPACE = 11;
    public static final int PUBLIC_NAMESPACE = 2200;
    public static final int INFORMATION_SCHEMA_NAMESPACE = 13000;
    /** The role of the connected user: the owner of everything, as the bootstrap superuser is in Postgres. */
    public static final int SESSION_ROLE = 10;
    public static final int HEAP_ACCESS_METHOD = 2;
    public static final int DEFAULT_COLLATION = 100;
    public static final int DATABASE = 1;

    // above Postgres' range of fixed OIDs (below 16384) and below 2^31, so an OID fits an int4
    private static final long FIRST = 100_000;
    private static final long RANGE = 1_000_000_000;

    private CatalogOids() {}

    public static int relation(String schema, String name)
    {
        return hashed(schema + "." + name);
    }

    public static int namespace(String schema)
    {
        return switch (schema) {
            case "pg_catalog" -> PG_CATALOG_NAMESPACE;
            case "public" -> PUBLIC_NAMESPACE;
            case "information_schema" -> INFORMATION_SCHEMA_NAMESPACE;
            default -> hashed(schema);
        };
    }

    /** {@link #relation} in Trino SQL, over expressions for the schema and the relation name. */
    public static String relationSql(String schema, String name)
    {
        return hashedSql(schema + " || '.' || " + name);
    }

    /** {@link #namespace} in Trino SQL. */
    public static String namespaceSql(String schema)
    {
        return "CASE %1$s WHEN 'pg_catalog' THEN %2$d WHEN 'public' THEN %3$d WHEN 'information_schema' THEN %4$d ELSE %5$s END"
                .formatted(schema, PG_CATALOG_NAMESPACE, PUBLIC_NAMESPACE, INFORMATION_SCHEMA_NAMESPACE, hashedSql(schema));
    }

    private static int hashed(String text)
    {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % RANGE + FIRST);
    }

    private static String hashedSql(String text)
    {
        return "CAST(crc32(to_utf8(%s)) %% %d + %d AS integer)".formatted(text, RANGE, FIRST);
    }
}

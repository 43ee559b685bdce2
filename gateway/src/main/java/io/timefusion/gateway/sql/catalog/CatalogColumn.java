package io.timefusion.gateway.sql.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A column of an emulated catalog relation, declared with its Postgres type as the Postgres catalog declares it
 * (oid, name, "char", int2vector, aclitem[] …) and carried in the Trino type that answers for it.
 */
public record CatalogColumn(String name, String postgresType)
{
    public CatalogColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(postgresType, "postgresType is null");
        trinoType(postgresType);
    }

    /** @param declaration a column as Postgres' {@code \d} lists it, e.g. {@code "relname name"} */
    public static CatalogColumn parse(String declaration)
    {
        int space = declaration.indexOf(' ');
        return new CatalogColumn(declaration.substring(0, space), declaration.substring(space + 1));
    }

    public String trinoType()
    {
        return trinoType(postgresType);
    }

    // Object identifiers travel as int4 (ours stay below 2^31); identifier and internal text types as text; the
    // reg* types as the name they print, which is what clients compare them with.
    private static String trinoType(String postgresType)
    {
        return switch (postgresType) {
            case "oid", "integer", "xid" -> "integer";
            case "smallint" -> "smallint";
            case "bigint" -> "bigint";
            case "real" -> "real";
            case "boolean" -> "boolean";
            case "name", "text", "character varying", "\"char\"", "pg_node_tree", "regproc" -> "varchar";
            case "bytea" -> "varbinary";
            case "timestamp with time zone" -> "timestamp(6) with time zone";
            case "oid[]", "oidvector" -> "array(integer)";
            case "smallint[]", "int2vector" -> "array(smallint)";
            case "text[]", "\"char\"[]", "aclitem[]", "anyarray" -> "array(varchar)";
            default -> throw new IllegalArgumentException("No Trino type for catalog type " + postgresType);
        };
    }
}

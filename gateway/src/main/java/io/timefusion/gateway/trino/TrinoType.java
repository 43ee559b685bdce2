package io.timefusion.gateway.trino;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A Trino type as JDBC names it ({@code ResultSetMetaData.getColumnTypeName}), reduced to what the Postgres side
 * needs: its kind and, for arrays, the element type. Types with no Postgres counterpart (row, map, ipaddress, …)
 * are sent as text.
 */
public record TrinoType(Kind kind, String name, TrinoType elementType)
{
    public enum Kind
    {
        BOOLEAN, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, VARCHAR, CHAR, VARBINARY, JSON, DATE, TIME,
        TIMESTAMP, TIMESTAMP_TZ, UUID, INTERVAL_DAY_TO_SECOND, INTERVAL_YEAR_TO_MONTH, ARRAY, OTHER
    }

    public TrinoType
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
    }

    /**
     * Postgres' {@code numeric} without precision and scale, which Trino has no name for: a value of it is a decimal
     * of its own precision and scale. Never reported by Trino, which always names a decimal's precision.
     */
    public static final TrinoType NUMERIC = new TrinoType(Kind.DECIMAL, "decimal", null);

    public static TrinoType parse(String typeName)
    {
        String name = typeName.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("array(") && name.endsWith(")")) {
            return new TrinoType(Kind.ARRAY, name, parse(name.substring("array(".length(), name.length() - 1)));
        }
        // timestamp(6) with time zone and timestamp with time zone are both timestamp … with time zone
        String base = name.replaceAll("\\(.*\\)", "").replace(" with time zone", "");
        Kind kind = switch (base) {
            case "boolean" -> Kind.BOOLEAN;
            case "tinyint", "smallint" -> Kind.SMALLINT;
            case "integer" -> Kind.INTEGER;
            case "bigint" -> Kind.BIGINT;
            case "real" -> Kind.REAL;
            case "double" -> Kind.DOUBLE;
            case "decimal" -> Kind.DECIMAL;
            case "varchar" -> Kind.VARCHAR;
            case "char" -> Kind.CHAR;
            case "varbinary" -> Kind.VARBINARY;
            case "json" -> Kind.JSON;
            case "date" -> Kind.DATE;
            case "uuid" -> Kind.UUID;
            case "interval day to second" -> Kind.INTERVAL_DAY_TO_SECOND;
            case "interval year to month" -> Kind.INTERVAL_YEAR_TO_MONTH;
            case "time" -> name.endsWith("with time zone") ? Kind.OTHER : Kind.TIME;
            case "timestamp" -> name.endsWith("with time zone") ? Kind.TIMESTAMP_TZ : Kind.TIMESTAMP;
            default -> Kind.OTHER;
        };
        return new TrinoType(kind, name, null);
    }
}

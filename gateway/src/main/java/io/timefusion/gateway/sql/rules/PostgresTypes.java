package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.statement.create.table.ColDataType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Postgres type names and their Trino types. */
public final class PostgresTypes
{
    private static final Pattern NAME_AND_MODIFIERS = Pattern.compile("([a-z_\"][a-z0-9_\" ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*(with(?:out)? time zone)?");

    // Postgres numeric without a precision keeps every digit; Trino needs a scale, and 9 digits keep the
    // fractions of averages and ratios without overflowing below 10^29
    static final String UNBOUNDED_NUMERIC = "decimal(38, 9)";

    private PostgresTypes() {}

    /** The Trino type of a Postgres type as written in a cast (arrays too). */
    public static String trino(ColDataType type)
    {
        String element = trinoScalar(scalarName(type));
        int dimensions = dimensions(type);
        for (int i = 0; i < dimensions; i++) {
            element = "array(" + element + ")";
        }
        return element;
    }

    /**
     * The lower-case base name of a type as written, without modifiers: {@code varchar} for {@code varchar (10)},
     * {@code timestamp with time zone} for {@code timestamp(3) with time zone} (the zone makes another type), and
     * {@code timestamp} for {@code timestamp without time zone}.
     */
    public static String baseName(ColDataType type)
    {
        String name = scalarName(type).toLowerCase(Locale.ROOT).strip().replaceFirst("^pg_catalog\\.", "");
        Matcher matcher = NAME_AND_MODIFIERS.matcher(name);
        if (!matcher.matches()) {
            return name;
        }
        String base = matcher.group(1).strip();
        return "with time zone".equals(matcher.group(4)) ? base + " with time zone" : base;
    }

    public static boolean isArray(ColDataType type)
    {
        return dimensions(type) > 0;
    }

    // JSqlParser keeps the brackets of a qualified array type in its name ("pg_catalog.int2[]") and lists those of
    // an unqualified one apart
    private static int dimensions(ColDataType type)
    {
        int listed = type.getArrayData() == null ? 0 : type.getArrayData().size();
        return listed + (int) type.getDataType().substring(scalarName(type).length()).chars().filter(c -> c == '[').count();
    }

    private static String scalarName(ColDataType type)
    {
        return type.getDataType().replaceFirst("(\\[\\s*])+$", "");
    }

    static String trinoScalar(String written)
    {
        String lower = written.toLowerCase(Locale.ROOT).strip().replaceFirst("^pg_catalog\\.", "");
        Matcher matcher = NAME_AND_MODIFIERS.matcher(lower);
        if (!matcher.matches()) {
            throw new UnsupportedStatementException("type %s is not supported".formatted(written));
        }
        String name = matcher.group(1).strip();
        String precision = matcher.group(2);
        String scale = matcher.group(3);
        String zone = matcher.group(4);
        if (zone != null) {
            name = name + " " + zone;
        }
        return switch (name) {
            case "text", "name", "citext" -> "varchar";
            case "varchar", "character varying" -> precision == null ? "varchar" : "varchar(" + precision + ")";
            case "char", "character", "bpchar" -> "char(" + (precision == null ? "1" : precision) + ")";
            case "\"char\"" -> "char(1)";
            case "int2", "smallint" -> "smallint";
            case "int", "int4", "integer" -> "integer";
            case "int8", "bigint" -> "bigint";
            case "float4", "real" -> "real";
            case "float", "float8", "double precision", "double" -> "double";
            case "tinyint" -> "tinyint";
            case "varbinary" -> "varbinary";
            case "numeric", "decimal" -> precision == null ? UNBOUNDED_NUMERIC : "decimal(" + precision + ", " + (scale == null ? "0" : scale) + ")";
            case "bool", "boolean" -> "boolean";
            case "timestamptz", "timestamp with time zone" -> "timestamp(" + (precision == null ? "6" : precision) + ") with time zone";
            case "timestamp", "timestamp without time zone" -> "timestamp(" + (precision == null ? "6" : precision) + ")";
            case "time", "time without time zone" -> "time(" + (precision == null ? "6" : precision) + ")";
            case "date" -> "date";
            case "json", "jsonb" -> "json";
            case "bytea" -> "varbinary";
            case "uuid" -> "uuid";
            default -> throw new UnsupportedStatementException("type %s is not supported".formatted(written));
        };
    }
}

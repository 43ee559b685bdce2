package io.timefusion.gateway.sql;

import io.timefusion.gateway.trino.TrinoType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a bound parameter value into Trino SQL as a literal of the type the statement expects there. Values
 * travel as literals because Trino's own parameters (EXECUTE … USING) cannot carry a type the planner did not
 * infer, and inside INSERT … VALUES it infers none.
 */
public final class ParameterLiterals
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private ParameterLiterals() {}

    /**
     * @param value the decoded value (see the pgwire codecs for the Java classes), or null for SQL NULL
     * @param target the type Trino expects at the placeholder, when known
     */
    public static String render(Object value, Optional<TrinoType> target)
    {
        if (value == null) {
            return target.filter(type -> type.kind() != TrinoType.Kind.OTHER).map(type -> "CAST(NULL AS " + type.name() + ")").orElse("NULL");
        }
        String natural = natural(value);
        // a type Trino could not name precisely (OTHER) is no target: the value keeps its own type
        return target
                .filter(type -> type.kind() != TrinoType.Kind.OTHER && !matchesNaturally(value, type))
                .map(type -> castTo(value, natural, type))
                .orElse(natural);
    }

    /** The literal whose Trino type corresponds to the value's own Java type. */
    private static String natural(Object value)
    {
        return switch (value) {
            case String text -> SqlLiterals.string(text);
            case Boolean bool -> bool ? "TRUE" : "FALSE";
            case Short number -> "SMALLINT '" + number + "'";
            case Integer number -> "INTEGER '" + number + "'";
            case Long number -> "BIGINT '" + number + "'";
            case Float number -> "REAL " + SqlLiterals.string(Float.toString(number));
            case Double number -> "DOUBLE " + SqlLiterals.string(Double.toString(number));
            case BigDecimal number -> "DECIMAL '" + number.toPlainString() + "'";
            case byte[] bytes -> "X'" + HexFormat.of().formatHex(bytes) + "'";
            case LocalDate date -> "DATE '" + date + "'";
            case LocalTime time -> "TIME '" + TIME.format(time) + "'";
            case LocalDateTime timestamp -> "TIMESTAMP '" + TIMESTAMP.format(timestamp) + "'";
            case OffsetDateTime timestamp -> "TIMESTAMP '" + TIMESTAMP.format(timestamp.withOffsetSameInstant(ZoneOffset.UTC)) + " UTC'";
            case UUID uuid -> "UUID '" + uuid + "'";
            case List<?> elements -> elements.isEmpty()
                    ? "ARRAY[]"
                    : elements.stream().map(element -> render(element, Optional.empty())).collect(Collectors.joining(", ", "ARRAY[", "]"));
            default -> SqlLiterals.string(value.toString());
        };
    }

    private static boolean matchesNaturally(Object value, TrinoType type)
    {
        return switch (type.kind()) {
            case VARCHAR -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
            case BIGINT -> value instanceof Long;
            case INTEGER -> value instanceof Integer;
            case SMALLINT -> value instanceof Short;
            case DOUBLE -> value instanceof Double;
            case DECIMAL -> value instanceof BigDecimal && type.equals(TrinoType.NUMERIC);
            case REAL -> value instanceof Float;
            case VARBINARY -> value instanceof byte[];
            case DATE -> value instanceof LocalDate;
            case UUID -> value instanceof UUID;
            default -> false;
        };
    }

    private static String castTo(Object value, String natural, TrinoType type)
    {
        return switch (type.kind()) {
            // CAST(varchar AS json) would make a JSON string; the text is a JSON document
            case JSON -> value instanceof String text ? "json_parse(" + SqlLiterals.string(text) + ")" : "CAST(" + natural + " AS json)";
            case ARRAY -> value instanceof List<?> elements
                    ? arrayOf(elements, type)
                    : "CAST(" + natural + " AS " + type.name() + ")";
            default -> "CAST(" + natural + " AS " + type.name() + ")";
        };
    }

    private static String arrayOf(List<?> elements, TrinoType arrayType)
    {
        Optional<TrinoType> elementType = Optional.of(arrayType.elementType());
        String array = elements.stream().map(element -> render(element, elementType)).collect(Collectors.joining(", ", "ARRAY[", "]"));
        return "CAST(" + array + " AS " + arrayType.name() + ")";
    }
}

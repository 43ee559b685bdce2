package io.timefusion.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The Trino types of the benchmark's columns and how a value of each is spelled as a SQL literal. */
enum ColumnType
{
    TIMESTAMP_TZ("timestamp(6) with time zone"),
    VARCHAR("varchar"),
    INTEGER("integer"),
    BIGINT("bigint"),
    JSON("json"),
    VARCHAR_ARRAY("array(varchar)"),
    DATE("date");

    private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS 'UTC'").withZone(ZoneOffset.UTC);

    private final String trinoType;

    ColumnType(String trinoType)
    {
        this.trinoType = trinoType;
    }

    String trinoType()
    {
        return trinoType;
    }

    /** A typed literal, so VALUES rows and ARRAY elements need no casts. */
    String literal(Object value)
    {
        if (value == null) {
            return "NULL";
        }
        return switch (this) {
            case TIMESTAMP_TZ -> "TIMESTAMP " + quote(text(value));
            case VARCHAR -> quote((String) value);
            case INTEGER, BIGINT -> value.toString();
            case JSON -> "JSON " + quote((String) value);
            case VARCHAR_ARRAY -> ((List<?>) value).stream().map(element -> quote((String) element)).collect(Collectors.joining(", ", "ARRAY[", "]"));
            case DATE -> "DATE " + quote(text(value));
        };
    }

    /** The text Trino casts from varchar to this type (timestamps and dates travel as strings inside JSON). */
    static String text(Object value)
    {
        return switch (value) {
            case Instant instant -> TIMESTAMP_TEXT.format(instant);
            case LocalDate date -> date.toString();
            default -> throw new IllegalArgumentException("no text form for " + value.getClass().getSimpleName());
        };
    }

    static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}

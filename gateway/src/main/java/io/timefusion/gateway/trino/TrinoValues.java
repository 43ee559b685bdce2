package io.timefusion.gateway.trino;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads a Trino column value from JDBC into the Java value the Postgres codecs encode. Date and time values are
 * parsed from Trino's own text (what {@code getString} returns) because it carries every digit of precision and
 * the zone, where the java.sql types would round or shift them.
 */
public final class TrinoValues
{
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private TrinoValues() {}

    /** The value of a column of the given Trino type, or null. */
    public static Object read(ResultSet resultSet, int column, TrinoType type)
            throws SQLException
    {
        return switch (type.kind()) {
            case BOOLEAN -> nullable(resultSet, resultSet.getBoolean(column));
            case SMALLINT -> nullable(resultSet, resultSet.getShort(column));
            case INTEGER -> nullable(resultSet, resultSet.getInt(column));
            case BIGINT -> nullable(resultSet, resultSet.getLong(column));
            case REAL -> nullable(resultSet, resultSet.getFloat(column));
            case DOUBLE -> nullable(resultSet, resultSet.getDouble(column));
            case DECIMAL -> resultSet.getBigDecimal(column);
            case VARBINARY -> resultSet.getBytes(column);
            case ARRAY -> readArray(resultSet.getArray(column), type.elementType());
            default -> {
                String text = resultSet.getString(column);
                yield text == null ? null : fromText(text, type);
            }
        };
    }

    private static Object nullable(ResultSet resultSet, Object value)
            throws SQLException
    {
        return resultSet.wasNull() ? null : value;
    }

    private static List<Object> readArray(Array array, TrinoType elementType)
            throws SQLException
    {
        if (array == null) {
            return null;
        }
        Object[] elements = (Object[]) array.getArray();
        List<Object> values = new ArrayList<>(elements.length);
        for (Object element : elements) {
            values.add(element == null ? null : fromJdbcElement(element, elementType));
        }
        return values;
    }

    // array elements come as the driver's objects; text-based types go through the same parsing as columns
    private static Object fromJdbcElement(Object element, TrinoType type)
    {
        return switch (type.kind()) {
            case BOOLEAN, BIGINT, DOUBLE, DECIMAL, VARBINARY -> element;
            case SMALLINT -> ((Number) element).shortValue();
            case INTEGER -> ((Number) element).intValue();
            case REAL -> ((Number) element).floatValue();
            case ARRAY -> Arrays.stream((Object[]) element).map(item -> item == null ? null : fromJdbcElement(item, type.elementType())).toList();
            default -> fromText(element.toString(), type);
        };
    }

    static Object fromText(String text, TrinoType type)
    {
        return switch (type.kind()) {
            case DATE -> LocalDate.parse(text);
            case TIME -> LocalTime.parse(truncateFraction(text), TIME);
            case TIMESTAMP -> LocalDateTime.parse(truncateFraction(text), TIMESTAMP);
            case TIMESTAMP_TZ -> timestampWithTimeZone(text);
            case UUID -> UUID.fromString(text);
            case INTERVAL_DAY_TO_SECOND -> IntervalText.dayToSecond(text);
            case INTERVAL_YEAR_TO_MONTH -> IntervalText.yearToMonth(text);
            default -> text;
        };
    }

    /** Trino prints {@code 2025-03-01 12:00:00.123456 UTC} or a zone id or offset after the space. */
    private static OffsetDateTime timestampWithTimeZone(String text)
    {
        int zoneStart = text.lastIndexOf(' ');
        LocalDateTime local = LocalDateTime.parse(truncateFraction(text.substring(0, zoneStart)), TIMESTAMP);
        ZoneId zone = ZoneId.of(text.substring(zoneStart + 1));
        return local.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    // Trino keeps up to picoseconds; Java and Postgres stop at nanoseconds and microseconds
    private static String truncateFraction(String text)
    {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        int end = dot + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end - dot - 1 <= 9 ? text : text.substring(0, dot + 10) + text.substring(end);
    }
}

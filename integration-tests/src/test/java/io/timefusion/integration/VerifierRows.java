package io.timefusion.integration;

import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trino's rows as {@link DeltaKernel} prints them, so that the two readers can be compared value by value. */
final class VerifierRows
{
    private VerifierRows() {}

    /** The rows of a result, one map per row keyed by column name, in the result's order. */
    static List<Map<String, Object>> of(MaterializedResult result)
    {
        return result.getMaterializedRows().stream().map(row -> asMap(result.getColumnNames(), row)).toList();
    }

    static List<Map<String, Object>> byId(List<Map<String, Object>> rows)
    {
        return rows.stream().sorted(Comparator.comparing(row -> (String) row.get("id"))).toList();
    }

    private static Map<String, Object> asMap(List<String> columnNames, MaterializedRow row)
    {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columnNames.size(); i++) {
            values.put(columnNames.get(i), verifierRepresentation(row.getField(i)));
        }
        return values;
    }

    /** A Trino value as DeltaKernelDump prints it (after JSON parsing with integers as longs). */
    private static Object verifierRepresentation(Object value)
    {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean bool -> bool;
            case Integer integer -> integer.longValue();
            case Long bigint -> bigint;
            case ZonedDateTime timestamp -> epochMicros(timestamp.toInstant());
            case LocalDate date -> date.toString();
            case List<?> list -> list.stream().map(VerifierRows::verifierRepresentation).toList();
            default -> throw new IllegalArgumentException("Unexpected Trino value of %s: %s".formatted(value.getClass().getName(), value));
        };
    }

    private static long epochMicros(Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}

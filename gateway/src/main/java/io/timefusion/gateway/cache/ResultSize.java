package io.timefusion.gateway.cache;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Estimates the heap a decoded row holds (object headers, references and payload on a 64-bit JVM with compressed
 * references), cheaply enough to run on every row streamed: it decides when a result is too large to cache.
 */
final class ResultSize
{
    private static final long HEADER = 16;
    private static final long REFERENCE = 4;
    // a boxed number or boolean, a UUID, an interval: a header and up to 16 bytes of fields
    private static final long SMALL_OBJECT = 32;
    private static final long LOCAL_DATE_OR_TIME = 24;

    private ResultSize() {}

    static long ofRow(Object[] values)
    {
        long size = HEADER + REFERENCE * values.length;
        for (Object value : values) {
            size += ofValue(value);
        }
        return size;
    }

    static long ofValue(Object value)
    {
        return switch (value) {
            case null -> 0;
            // the String and its byte array, counting two bytes per character: Latin-1 text needs one, but telling needs a scan
            case String text -> 2 * HEADER + 8 + 2L * text.length();
            case byte[] bytes -> HEADER + bytes.length;
            case BigDecimal decimal -> 2 * HEADER + 24 + decimal.unscaledValue().bitLength() / 8;
            case LocalDate _, LocalTime _ -> LOCAL_DATE_OR_TIME;
            case LocalDateTime _ -> 3 * LOCAL_DATE_OR_TIME;
            case OffsetDateTime _ -> 4 * LOCAL_DATE_OR_TIME;
            case List<?> list -> {
                // the list, its backing array, the elements
                long size = 2 * HEADER + 8 + REFERENCE * list.size();
                for (Object element : list) {
                    size += ofValue(element);
                }
                yield size;
            }
            default -> SMALL_OBJECT;
        };
    }
}

package io.timefusion.gateway.ingest;

import java.util.List;

/**
 * What the rows of a {@link RowBatch} cost on the heap, estimated from their values: the queue and COPY bound their
 * memory by it. An estimate (object headers and compact Latin-1 strings assumed, references of 4 bytes), not a
 * measurement: walking the heap per row would cost more than the write.
 */
public final class RowSizes
{
    private static final int OBJECT_HEADER = 16;
    private static final int REFERENCE = 4;
    private static final int STRING = 24 + OBJECT_HEADER;
    private static final int BOXED = OBJECT_HEADER + 8;

    private RowSizes() {}

    public static long estimate(Object[] row)
    {
        long size = OBJECT_HEADER + (long) REFERENCE * row.length;
        for (Object value : row) {
            size += estimateValue(value);
        }
        return size;
    }

    public static long estimate(RowBatch batch)
    {
        long size = 0;
        for (Object[] row : batch.rows()) {
            size += estimate(row);
        }
        return size;
    }

    private static long estimateValue(Object value)
    {
        return switch (value) {
            case null -> 0;
            case String text -> STRING + text.length();
            case List<?> list -> {
                long size = OBJECT_HEADER + (long) REFERENCE * list.size();
                for (Object element : list) {
                    size += estimateValue(element);
                }
                yield size;
            }
            default -> BOXED;
        };
    }
}

package io.timefusion.gateway.ingest;

import io.airlift.slice.DynamicSliceOutput;
import io.airlift.slice.SliceOutput;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Encodes a {@link RowBatch} in the batch wire format, version 1, that the plugin's {@code ingest_batch} table
 * function decodes (its class BatchFormat documents the layout): column-major, little-endian, length-prefixed.
 * {@code date} is left out: the plugin derives it from {@code timestamp}.
 */
public final class BatchEncoder
{
    private static final byte[] MAGIC = {'T', 'F', 'B'};
    private static final byte VERSION = 1;
    private static final byte NULL = 0;
    private static final byte PRESENT = 1;
    // a first guess at the encoded size; the output grows as needed, so this only saves a few early copies
    private static final int BYTES_PER_VALUE = 6;
    private static final int MAX_INITIAL_BYTES = 16 * 1024 * 1024;

    private BatchEncoder() {}

    public static byte[] encode(IngestTable table, RowBatch batch)
            throws IngestException
    {
        List<Integer> indexes = new ArrayList<>();
        List<IngestColumn> columns = new ArrayList<>();
        for (int i = 0; i < batch.columns().size(); i++) {
            if (!batch.columns().get(i).equals(IngestTable.DERIVED_DATE)) {
                indexes.add(i);
                columns.add(table.column(batch.columns().get(i)));
            }
        }
        // Slice's output is little-endian, as the format is, and unsynchronized (ByteArrayOutputStream locks per write)
        SliceOutput out = new DynamicSliceOutput((int) Math.min(MAX_INITIAL_BYTES, 64L + (long) batch.rowCount() * columns.size() * BYTES_PER_VALUE));
        out.writeBytes(MAGIC);
        out.writeByte(VERSION);
        out.writeInt(batch.rowCount());
        out.writeShort(columns.size());
        for (IngestColumn column : columns) {
            byte[] name = column.name().getBytes(UTF_8);
            out.writeShort(name.length);
            out.writeBytes(name);
            out.writeByte(column.type().code());
        }
        for (int c = 0; c < columns.size(); c++) {
            IngestColumn column = columns.get(c);
            int index = indexes.get(c);
            for (Object[] row : batch.rows()) {
                try {
                    writeValue(out, column.type(), row[index]);
                }
                catch (ClassCastException e) {
                    throw new IngestException("42804", "column \"%s\" is of type %s but the batch holds a %s".formatted(
                            column.name(), column.type(), row[index].getClass().getSimpleName()), e);
                }
                catch (ArithmeticException e) {
                    throw new IngestException("22008", "%s out of range: %s (column %s)".formatted(column.type() == ColumnType.DATE ? "date" : "timestamp", row[index], column.name()), e);
                }
            }
        }
        return out.slice().getBytes();
    }

    private static void writeValue(SliceOutput out, ColumnType type, Object value)
    {
        switch (type) {
            case VARCHAR, JSON -> writeString(out, (String) value);
            case INTEGER -> {
                if (present(out, value)) {
                    out.writeInt((Integer) value);
                }
            }
            case BIGINT -> {
                if (present(out, value)) {
                    out.writeLong((Long) value);
                }
            }
            case BOOLEAN -> out.writeByte(value == null ? NULL : (Boolean) value ? 2 : 1);
            case TIMESTAMPTZ -> {
                if (present(out, value)) {
                    Instant instant = (Instant) value;
                    out.writeLong(ColumnValues.epochMicros(instant));
                }
            }
            case DATE -> {
                if (present(out, value)) {
                    out.writeInt(Math.toIntExact(((LocalDate) value).toEpochDay()));
                }
            }
            case VARCHAR_ARRAY -> {
                if (value == null) {
                    out.writeInt(-1);
                }
                else {
                    List<?> elements = (List<?>) value;
                    out.writeInt(elements.size());
                    for (Object element : elements) {
                        writeString(out, (String) element);
                    }
                }
            }
        }
    }

    private static boolean present(SliceOutput out, Object value)
    {
        out.writeByte(value == null ? NULL : PRESENT);
        return value != null;
    }

    private static void writeString(SliceOutput out, String value)
    {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(UTF_8);
        out.writeInt(utf8.length);
        out.writeBytes(utf8);
    }
}

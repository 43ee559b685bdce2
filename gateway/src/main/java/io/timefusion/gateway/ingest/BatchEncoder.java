package io.timefusion.gateway.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
        Output out = new Output(64 + batch.rowCount() * columns.size() * 16);
        out.bytes(MAGIC);
        out.put(VERSION);
        out.putInt(batch.rowCount());
        out.putShort(columns.size());
        for (IngestColumn column : columns) {
            byte[] name = column.name().getBytes(UTF_8);
            out.putShort(name.length);
            out.bytes(name);
            out.put((byte) column.type().code());
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
        return out.toByteArray();
    }

    private static void writeValue(Output out, ColumnType type, Object value)
    {
        switch (type) {
            case VARCHAR, JSON -> out.string((String) value);
            case INTEGER -> {
                if (present(out, value)) {
                    out.putInt((Integer) value);
                }
            }
            case BIGINT -> {
                if (present(out, value)) {
                    out.putLong((Long) value);
                }
            }
            case BOOLEAN -> out.put(value == null ? NULL : (Boolean) value ? (byte) 2 : (byte) 1);
            case TIMESTAMPTZ -> {
                if (present(out, value)) {
                    Instant instant = (Instant) value;
                    out.putLong(ColumnValues.epochMicros(instant));
                }
            }
            case DATE -> {
                if (present(out, value)) {
                    out.putInt(Math.toIntExact(((LocalDate) value).toEpochDay()));
                }
            }
            case VARCHAR_ARRAY -> {
                if (value == null) {
                    out.putInt(-1);
                }
                else {
                    List<?> elements = (List<?>) value;
                    out.putInt(elements.size());
                    for (Object element : elements) {
                        out.string((String) element);
                    }
                }
            }
        }
    }

    private static boolean present(Output out, Object value)
    {
        out.put(value == null ? NULL : PRESENT);
        return value != null;
    }

    /** A growable little-endian buffer: ByteArrayOutputStream plus the few primitive writes the format needs. */
    private static final class Output
            extends ByteArrayOutputStream
    {
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        Output(int size)
        {
            super(size);
        }

        void put(byte value)
        {
            write(value);
        }

        void putShort(int value)
        {
            scratch.clear();
            scratch.putShort((short) value);
            write(scratch.array(), 0, 2);
        }

        void putInt(int value)
        {
            scratch.clear();
            scratch.putInt(value);
            write(scratch.array(), 0, 4);
        }

        void putLong(long value)
        {
            scratch.clear();
            scratch.putLong(value);
            write(scratch.array(), 0, 8);
        }

        void bytes(byte[] value)
        {
            write(value, 0, value.length);
        }

        void string(String value)
        {
            if (value == null) {
                putInt(-1);
                return;
            }
            byte[] utf8 = value.getBytes(UTF_8);
            putInt(utf8.length);
            bytes(utf8);
        }
    }
}

package io.timefusion.gateway.ingest;

import io.airlift.slice.DynamicSliceOutput;
import io.airlift.slice.Slice;
import io.airlift.slice.SliceOutput;
import io.airlift.slice.Slices;
import io.timefusion.contract.BatchColumnType;
import io.timefusion.contract.BatchFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Encodes a {@link RowBatch} in the {@link BatchFormat batch format} that the plugin's {@code ingest_batch} table
 * function decodes: column-major, little-endian, length-prefixed. {@code date} is left out: the plugin derives it from
 * {@code timestamp}.
 */
public final class BatchEncoder
{
    private static final byte NULL = 0;
    private static final byte PRESENT = 1;
    // a first guess at a column's encoded size; the output grows as needed, so this only saves a few early copies
    private static final int BYTES_PER_VALUE = 6;
    private static final int MAX_INITIAL_BYTES = 16 * 1024 * 1024;

    private BatchEncoder() {}

    public static byte[] encode(IngestTable table, RowBatch batch)
            throws IngestException
    {
        int[] indexes = IntStream.range(0, batch.columns().size())
                .filter(i -> !batch.columns().get(i).equals(IngestTable.DERIVED_DATE))
                .toArray();
        IngestColumn[] columns = new IngestColumn[indexes.length];
        for (int c = 0; c < indexes.length; c++) {
            columns[c] = table.column(batch.columns().get(indexes[c]));
        }
        // Slice's outputs are little-endian, as the format is, and unsynchronized (ByteArrayOutputStream locks per write);
        // the rows are visited once, each value going to its column's output: walking the rows once per column (the
        // format is column-major) missed the cache on every row of every column and was most of a flush's gateway CPU
        SliceOutput[] values = new SliceOutput[columns.length];
        int initialBytes = (int) Math.min(MAX_INITIAL_BYTES, 64L + (long) batch.rowCount() * BYTES_PER_VALUE);
        for (int c = 0; c < values.length; c++) {
            values[c] = new DynamicSliceOutput(initialBytes);
        }
        for (Object[] row : batch.rows()) {
            for (int c = 0; c < values.length; c++) {
                IngestColumn column = columns[c];
                int index = indexes[c];
                try {
                    writeValue(values[c], column.type(), row[index]);
                }
                catch (ClassCastException e) {
                    throw new IngestException("42804", "column \"%s\" is of type %s but the batch holds a %s".formatted(
                            column.name(), column.type(), row[index].getClass().getSimpleName()), e);
                }
                catch (ArithmeticException e) {
                    throw new IngestException("22008", "%s out of range: %s (column %s)".formatted(column.type() == BatchColumnType.DATE ? "date" : "timestamp", row[index], column.name()), e);
                }
            }
        }
        byte[][] names = Arrays.stream(columns).map(column -> column.name().getBytes(UTF_8)).toArray(byte[][]::new);
        long size = BatchFormat.HEADER_BYTES
                + Arrays.stream(names).mapToLong(name -> Short.BYTES + name.length + 1).sum()
                + Arrays.stream(values).mapToLong(SliceOutput::size).sum();
        // exactly the batch's size, so that its array is the result without another copy
        Slice batchBytes = Slices.allocate(Math.toIntExact(size));
        SliceOutput out = batchBytes.getOutput();
        out.writeBytes(BatchFormat.magic());
        out.writeByte(BatchFormat.VERSION);
        out.writeInt(batch.rowCount());
        out.writeShort(columns.length);
        for (int c = 0; c < columns.length; c++) {
            out.writeShort(names[c].length);
            out.writeBytes(names[c]);
            out.writeByte(columns[c].type().code());
        }
        for (SliceOutput column : values) {
            out.writeBytes(column.slice());
        }
        return batchBytes.byteArray();
    }

    private static void writeValue(SliceOutput out, BatchColumnType type, Object value)
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

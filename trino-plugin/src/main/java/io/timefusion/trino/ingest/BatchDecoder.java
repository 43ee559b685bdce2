package io.timefusion.trino.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.airlift.slice.DynamicSliceOutput;
import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.timefusion.contract.BatchColumnType;
import io.timefusion.contract.BatchFormat;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.ArrayBlockBuilder;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.RunLengthEncodedBlock;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.google.common.base.Preconditions.checkArgument;
import static io.timefusion.contract.BatchFormat.HEADER_BYTES;
import static io.timefusion.contract.BatchFormat.VERSION;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_BUFFER_CORRUPT;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_INVALID_ROW;
import static io.timefusion.trino.metadata.StoredTimestamps.epochDay;
import static io.timefusion.trino.metadata.StoredTimestamps.epochMicros;
import static io.timefusion.trino.metadata.StoredTimestamps.utcTimestamp;
import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Decodes a batch ({@link BatchFormat}), in one of two modes:
 * <ul>
 * <li>for a write ({@link #decode}), into one Page holding every column of otel_logs_and_spans in table order. Anything
 * that is not a well-formed batch of this table's columns, and rows the table cannot hold (NULL in a NOT NULL column,
 * JSON that does not parse), fail the statement before anything is written;</li>
 * <li>for a read of a gateway's buffered rows ({@link #decodeColumns}), into a Page of just the named columns in the
 * caller's order: the batch's other columns are skipped, not decoded, and the NOT NULL checks that guard a write are
 * left out (a read returns what is there).</li>
 * </ul>
 */
public final class BatchDecoder
{
    private static final Slice MAGIC = Slices.wrappedBuffer(BatchFormat.magic());
    // characters beyond the BMP stay UTF-8 instead of becoming escaped surrogate pairs
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    /** What a decode is for: which rules it enforces and which error a malformed batch raises. */
    private enum Mode
    {
        WRITE(true, INVALID_FUNCTION_ARGUMENT, "Corrupt ingest batch: "),
        READ(false, TIMEFUSION_BUFFER_CORRUPT, "Corrupt batch of buffered rows: ");

        private final boolean enforceNotNull;
        private final ErrorCodeSupplier corruptError;
        private final String corruptPrefix;

        Mode(boolean enforceNotNull, ErrorCodeSupplier corruptError, String corruptPrefix)
        {
            this.enforceNotNull = enforceNotNull;
            this.corruptError = corruptError;
            this.corruptPrefix = corruptPrefix;
        }

        TrinoException corrupt(String reason)
        {
            return new TrinoException(corruptError, corruptPrefix + reason);
        }
    }

    /** The header of a batch: its row count and columns, and the cursor at the first value. */
    private record Header(int rows, TableColumn[] columns, Cursor cursor) {}

    private final OtelLogsAndSpansTable table;

    public BatchDecoder(OtelLogsAndSpansTable table)
    {
        this.table = table;
    }

    /** Write mode: every column of the table in table order, absent columns NULL, {@code date} derived from {@code timestamp}. */
    public Page decode(Slice batch)
    {
        return guarded(Mode.WRITE, () -> decodeForWrite(batch));
    }

    /**
     * Read mode: the named columns in the order of {@code names}; a named column the batch lacks is NULL. {@code date}
     * cannot be named: a reader derives it from {@code timestamp}, as a write does.
     */
    public Page decodeColumns(Slice batch, List<String> names)
    {
        Map<String, Integer> channels = new HashMap<>();
        for (String name : names) {
            checkArgument(!name.equals(OtelLogsAndSpansTable.DATE_COLUMN), "date is derived from timestamp, not decoded");
            table.column(name);
            checkArgument(channels.put(name, channels.size()) == null, "column %s named twice", name);
        }
        return guarded(Mode.READ, () -> decodeForRead(batch, names, channels));
    }

    private static Page guarded(Mode mode, Supplier<Page> decoding)
    {
        try {
            return decoding.get();
        }
        catch (IndexOutOfBoundsException e) {
            throw mode.corrupt("it ends before its last value");
        }
        catch (IllegalArgumentException | ArithmeticException e) {
            // a value no table column can hold, such as a timestamp beyond Trino's range
            throw mode.corrupt(e.getMessage());
        }
    }

    private Page decodeForWrite(Slice batch)
    {
        Header header = readHeader(batch, Mode.WRITE);
        int rows = header.rows();
        Block[] blocks = new Block[table.columns().size()];
        for (TableColumn column : header.columns()) {
            blocks[column.ordinal()] = decodeColumn(header.cursor(), column, rows, Mode.WRITE);
        }
        checkFullyRead(header.cursor(), Mode.WRITE);
        for (TableColumn column : table.columns()) {
            if (blocks[column.ordinal()] == null && !column.name().equals(OtelLogsAndSpansTable.DATE_COLUMN)) {
                blocks[column.ordinal()] = absentColumn(column, rows);
            }
        }
        TableColumn timestamp = table.column(OtelLogsAndSpansTable.TIMESTAMP);
        blocks[table.column(OtelLogsAndSpansTable.DATE_COLUMN).ordinal()] = dates(blocks[timestamp.ordinal()], rows);
        return new Page(rows, blocks);
    }

    private Page decodeForRead(Slice batch, List<String> names, Map<String, Integer> channels)
    {
        Header header = readHeader(batch, Mode.READ);
        int rows = header.rows();
        Block[] blocks = new Block[names.size()];
        for (TableColumn column : header.columns()) {
            Integer channel = channels.get(column.name());
            if (channel == null) {
                skipColumn(header.cursor(), column, rows);
            }
            else {
                blocks[channel] = decodeColumn(header.cursor(), column, rows, Mode.READ);
            }
        }
        checkFullyRead(header.cursor(), Mode.READ);
        for (int channel = 0; channel < blocks.length; channel++) {
            if (blocks[channel] == null) {
                blocks[channel] = RunLengthEncodedBlock.create(table.column(names.get(channel)).type(), null, rows);
            }
        }
        return new Page(rows, blocks);
    }

    private Header readHeader(Slice batch, Mode mode)
    {
        if (batch.length() < HEADER_BYTES || !batch.slice(0, MAGIC.length()).equals(MAGIC)) {
            throw mode.corrupt("it does not start with the batch header");
        }
        int version = batch.getUnsignedByte(3);
        if (version != VERSION) {
            throw mode.corrupt("format version %d is not supported (this plugin reads version %d)".formatted(version, VERSION));
        }
        int rows = batch.getInt(4);
        int columnCount = batch.getShort(8);
        if (rows < 0 || columnCount < 0) {
            throw mode.corrupt("negative row or column count");
        }
        // every value takes at least one byte: a larger count is corrupt, and must not size the block builders
        if (rows > batch.length()) {
            throw mode.corrupt("%d rows cannot fit in %d bytes".formatted(rows, batch.length()));
        }
        Cursor cursor = new Cursor(batch, HEADER_BYTES);
        TableColumn[] columns = new TableColumn[columnCount];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < columnCount; i++) {
            String name = cursor.string(cursor.shortValue());
            int code = cursor.unsignedByte();
            TableColumn column = knownColumn(name, mode);
            int expectedCode = BatchColumnTypes.of(column).code();
            if (code != expectedCode) {
                throw mode.corrupt("column %s has type code %d, but the table's %s column travels as code %d".formatted(name, code, column.type(), expectedCode));
            }
            if (seen.put(name, i) != null) {
                throw mode.corrupt("column %s appears twice".formatted(name));
            }
            columns[i] = column;
        }
        return new Header(rows, columns, cursor);
    }

    private static void checkFullyRead(Cursor cursor, Mode mode)
    {
        if (cursor.position != cursor.batch.length()) {
            throw mode.corrupt("%d bytes follow the last value".formatted(cursor.batch.length() - cursor.position));
        }
    }

    private TableColumn knownColumn(String name, Mode mode)
    {
        try {
            return table.column(name);
        }
        catch (IllegalArgumentException e) {
            throw mode.corrupt("otel_logs_and_spans has no column " + name);
        }
    }

    private static Block absentColumn(TableColumn column, int rows)
    {
        if (!column.nullable()) {
            throw new TrinoException(TIMEFUSION_INVALID_ROW, "NULL value not allowed for NOT NULL column: " + column.name());
        }
        return RunLengthEncodedBlock.create(column.type(), null, rows);
    }

    private static Block dates(Block timestamps, int rows)
    {
        BlockBuilder dates = DATE.createFixedSizeBlockBuilder(rows);
        for (int row = 0; row < rows; row++) {
            DATE.writeLong(dates, epochDay(epochMicros(timestamps, row)));
        }
        return dates.build();
    }

    private static Block decodeColumn(Cursor cursor, TableColumn column, int rows, Mode mode)
    {
        BatchColumnType type = BatchColumnTypes.of(column);
        BlockBuilder builder = column.type().createBlockBuilder(null, rows);
        for (int row = 0; row < rows; row++) {
            boolean isNull = switch (type) {
                case VARCHAR, JSON -> {
                    int length = cursor.intValue();
                    if (length < 0) {
                        builder.appendNull();
                        yield true;
                    }
                    Slice value = cursor.slice(length);
                    column.type().writeSlice(builder, type == BatchColumnType.JSON ? canonicalJson(column, value) : value);
                    yield false;
                }
                case INTEGER -> fixed(cursor, builder, () -> INTEGER.writeLong(builder, cursor.intValue()));
                case BIGINT -> fixed(cursor, builder, () -> BIGINT.writeLong(builder, cursor.longValue()));
                case BOOLEAN -> {
                    int value = cursor.unsignedByte();
                    if (value == 0) {
                        builder.appendNull();
                        yield true;
                    }
                    BOOLEAN.writeBoolean(builder, value == 2);
                    yield false;
                }
                case TIMESTAMPTZ -> fixed(cursor, builder, () -> {
                    TIMESTAMP_TZ_MICROS.writeObject(builder, utcTimestamp(cursor.longValue()));
                });
                case DATE -> fixed(cursor, builder, () -> DATE.writeLong(builder, cursor.intValue()));
                case VARCHAR_ARRAY -> {
                    int count = cursor.intValue();
                    if (count < 0) {
                        builder.appendNull();
                        yield true;
                    }
                    ((ArrayBlockBuilder) builder).buildEntry(elements -> {
                        for (int i = 0; i < count; i++) {
                            int length = cursor.intValue();
                            if (length < 0) {
                                elements.appendNull();
                            }
                            else {
                                VARCHAR.writeSlice(elements, cursor.slice(length));
                            }
                        }
                    });
                    yield false;
                }
            };
            if (isNull && mode.enforceNotNull && !column.nullable()) {
                throw new TrinoException(TIMEFUSION_INVALID_ROW, "NULL value not allowed for NOT NULL column: " + column.name());
            }
        }
        return builder.build();
    }

    /** Moves the cursor past a column's values without decoding them (read mode: a column the query does not need). */
    private static void skipColumn(Cursor cursor, TableColumn column, int rows)
    {
        BatchColumnType type = BatchColumnTypes.of(column);
        for (int row = 0; row < rows; row++) {
            switch (type) {
                case VARCHAR, JSON -> cursor.skipString();
                case INTEGER, DATE -> cursor.skipPresent(Integer.BYTES);
                case BIGINT, TIMESTAMPTZ -> cursor.skipPresent(Long.BYTES);
                case BOOLEAN -> cursor.skip(1);
                case VARCHAR_ARRAY -> {
                    int count = cursor.intValue();
                    for (int i = 0; i < count; i++) {
                        cursor.skipString();
                    }
                }
            }
        }
    }

    /** A presence byte, then the value the writer reads; @return whether the value was NULL */
    private static boolean fixed(Cursor cursor, BlockBuilder builder, Runnable writer)
    {
        if (cursor.unsignedByte() == 0) {
            builder.appendNull();
            return true;
        }
        writer.run();
        return false;
    }

    /** The document without insignificant whitespace, as Trino's json_parse stores JSON values; refused if it is not JSON. */
    private static Slice canonicalJson(TableColumn column, Slice value)
    {
        try (JsonParser parser = JSON.createParser(value.byteArray(), value.byteArrayOffset(), value.length())) {
            DynamicSliceOutput output = new DynamicSliceOutput(value.length());
            if (parser.nextToken() == null) {
                throw new IOException("empty document");
            }
            try (JsonGenerator generator = JSON.createGenerator((OutputStream) output)) {
                generator.copyCurrentStructure(parser);
            }
            if (parser.nextToken() != null) {
                throw new IOException("more than one document");
            }
            return output.slice();
        }
        catch (IOException e) {
            throw new TrinoException(TIMEFUSION_INVALID_ROW, "Column %s holds a value that is not JSON: %s".formatted(column.name(), e.getMessage()));
        }
    }

    /** A read position in the batch; reads past its end throw IndexOutOfBoundsException (the Slice's bounds check). */
    private static final class Cursor
    {
        private final Slice batch;
        private int position;

        Cursor(Slice batch, int position)
        {
            this.batch = batch;
            this.position = position;
        }

        int unsignedByte()
        {
            return batch.getUnsignedByte(position++);
        }

        int shortValue()
        {
            int value = batch.getShort(position);
            position += 2;
            return value;
        }

        int intValue()
        {
            int value = batch.getInt(position);
            position += 4;
            return value;
        }

        long longValue()
        {
            long value = batch.getLong(position);
            position += 8;
            return value;
        }

        Slice slice(int length)
        {
            Slice value = batch.slice(position, length);
            position += length;
            return value;
        }

        String string(int length)
        {
            return slice(length).toStringUtf8();
        }

        void skip(int length)
        {
            if (length < 0 || length > batch.length() - position) {
                throw new IndexOutOfBoundsException("skip of %d bytes at %d".formatted(length, position));
            }
            position += length;
        }

        /** A length-prefixed string, -1 for NULL. */
        void skipString()
        {
            int length = intValue();
            if (length >= 0) {
                skip(length);
            }
        }

        /** A presence byte and, when present, a value of {@code size} bytes. */
        void skipPresent(int size)
        {
            if (unsignedByte() != 0) {
                skip(size);
            }
        }
    }
}

package io.timefusion.gateway.copy;

import io.timefusion.gateway.ingest.ColumnValues;
import io.timefusion.gateway.ingest.IngestColumn;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.ingest.RowSizes;
import io.timefusion.gateway.pgwire.types.CharacterNotInRepertoireException;
import io.timefusion.gateway.pgwire.types.Utf8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one COPY FROM STDIN, read from its CopyData as they arrive: cut into records, split into fields,
 * each field parsed for its column by {@link ColumnValues} (the INSERT path's parser). The whole COPY becomes one
 * {@link RowBatch}, written in one commit, so a COPY with a bad line commits nothing; the price is that the rows
 * are held until the end, so their estimated size is bounded (COPY_MAX_SIZE) and a larger COPY fails with 54000.
 * Errors carry Postgres' CONTEXT: {@code COPY t, line 17, column level: "x"} for a value, {@code COPY t, line 17:
 * "…"} for the shape of a line.
 */
public final class CopyRows
{
    // Postgres' MAX_COPY_DATA_DISPLAY: longer lines and values are cut in the CONTEXT
    private static final int MAX_DISPLAY_BYTES = 100;

    private final IngestTable table;
    private final List<IngestColumn> columns;
    private final long maxBytes;
    private final CopyRecordSplitter records;
    private final FieldSplitter fields;
    private final List<Object[]> rows = new ArrayList<>();
    private long bytes;
    private boolean headerPending;
    private boolean ended;

    public CopyRows(IngestTable table, List<IngestColumn> columns, CopyFormat format, long maxBytes)
    {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.maxBytes = maxBytes;
        this.records = new CopyRecordSplitter(format);
        this.fields = FieldSplitter.of(format);
        this.headerPending = format.header();
    }

    /** One CopyData message. */
    public void feed(byte[] data)
    {
        if (ended) {
            return;
        }
        records.feed(data, this::record);
        if (records.pendingBytes() > maxBytes) {
            throw tooLarge();
        }
    }

    /** CopyDone: the batch of every row read. */
    public RowBatch finish()
    {
        if (!ended) {
            try {
                records.finish(this::record);
            }
            catch (CopyException e) {
                throw new CopyException(e.sqlState(), e.getMessage(), "COPY %s, line %d".formatted(table.name(), records.nextLine()));
            }
        }
        return new RowBatch(table.name(), columns.stream().map(IngestColumn::name).toList(), rows);
    }

    public long rowCount()
    {
        return rows.size();
    }

    private void record(byte[] buffer, int start, int end, long line)
    {
        if (ended) {
            return;
        }
        if (end - start == 2 && buffer[start] == '\\' && buffer[start + 1] == '.') {
            // the end-of-data marker of protocol 2 clients; psql still sends it for COPY typed inline
            ended = true;
            return;
        }
        if (headerPending) {
            headerPending = false;
            return;
        }
        List<String> values;
        try {
            values = fields.split(buffer, start, end);
        }
        catch (CopyException e) {
            throw new CopyException(e.sqlState(), e.getMessage(), lineContext(buffer, start, end, line));
        }
        for (String value : values) {
            // fields are decoded leniently for speed; a NUL or a replacement character sends the line to the strict check
            if (value != null && (value.indexOf('\0') >= 0 || value.indexOf('\uFFFD') >= 0)) {
                requireText(buffer, start, end, value, line);
            }
        }
        if (values.size() < columns.size()) {
            throw new CopyException("22P04", "missing data for column \"%s\"".formatted(columns.get(values.size()).name()), lineContext(buffer, start, end, line));
        }
        if (values.size() > columns.size()) {
            throw new CopyException("22P04", "extra data after last expected column", lineContext(buffer, start, end, line));
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            IngestColumn column = columns.get(i);
            try {
                row[i] = ColumnValues.fromText(table, column, values.get(i));
            }
            catch (IngestException e) {
                throw new CopyException(e.getSQLState(), e.getMessage(), valueContext(line, column, values.get(i)));
            }
        }
        bytes += RowSizes.estimate(row);
        if (bytes > maxBytes) {
            throw tooLarge();
        }
        rows.add(row);
    }

    /**
     * Postgres refuses input that is not UTF-8, and a NUL byte, which no text value may hold, whether written or
     * escaped ({@code \000}): 22021. The CONTEXT then names the line without quoting it.
     */
    private void requireText(byte[] buffer, int start, int end, String value, long line)
    {
        String context = "COPY %s, line %d".formatted(table.name(), line);
        try {
            Utf8.decode(Arrays.copyOfRange(buffer, start, end));
        }
        catch (CharacterNotInRepertoireException e) {
            throw new CopyException(e.sqlState(), e.getMessage(), context);
        }
        if (value.indexOf('\0') >= 0) {
            throw new CopyException("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", context);
        }
    }

    private CopyException tooLarge()
    {
        return new CopyException("54000", "COPY holds more than COPY_MAX_SIZE (%d bytes) of rows: a COPY is committed as one batch, so split the input into several COPY statements".formatted(maxBytes));
    }

    private String lineContext(byte[] buffer, int start, int end, long line)
    {
        return "COPY %s, line %d: \"%s\"".formatted(table.name(), line, display(new String(buffer, start, end - start, StandardCharsets.UTF_8)));
    }

    private String valueContext(long line, IngestColumn column, String value)
    {
        if (value == null) {
            return "COPY %s, line %d, column %s: null input".formatted(table.name(), line, column.name());
        }
        return "COPY %s, line %d, column %s: \"%s\"".formatted(table.name(), line, column.name(), display(value));
    }

    private static String display(String text)
    {
        return text.length() <= MAX_DISPLAY_BYTES ? text : text.substring(0, MAX_DISPLAY_BYTES) + "...";
    }
}

package io.timefusion.gateway.ingest.buffer;

import io.timefusion.contract.BufferRowsRequest;
import io.timefusion.gateway.ingest.BatchEncoder;
import io.timefusion.gateway.ingest.ColumnValues;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.RowBatch;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes buffered rows as the plugin's buffer page source reads them: frames of an int32 little-endian length and a
 * batch in the batch format of at most {@link #ROWS_PER_FRAME} rows, then a frame of length 0 that says the answer is
 * complete. Frames keep both sides' memory bounded by a frame, whatever the buffer holds.
 */
final class BufferFrames
{
    static final int ROWS_PER_FRAME = 8192;

    private final IngestTable table;
    private final List<String> columns;
    private final BufferRowsRequest query;

    /** @throws IngestException 42703 when the query names a column the table does not have */
    BufferFrames(IngestTable table, BufferRowsRequest query)
            throws IngestException
    {
        this.table = table;
        this.query = query;
        // the plugin filters by partition exactly and derives date from timestamp: both always travel
        Set<String> columns = new LinkedHashSet<>(List.of(BufferColumns.TIMESTAMP, BufferColumns.PROJECT_ID));
        for (String column : query.columns()) {
            if (!column.equals(IngestTable.DERIVED_DATE)) {
                columns.add(table.column(column).name());
            }
        }
        this.columns = List.copyOf(columns);
    }

    void write(List<TableBuffer.Chunk> chunks, OutputStream out)
            throws IOException, IngestException
    {
        List<Object[]> frame = new ArrayList<>(ROWS_PER_FRAME);
        for (TableBuffer.Chunk chunk : chunks) {
            int[] sources = columns.stream().mapToInt(chunk.columns()::indexOf).toArray();
            int timestamp = chunk.columns().indexOf(BufferColumns.TIMESTAMP);
            for (Object[] row : chunk.rows()) {
                if (!query.includesTime(ColumnValues.epochMicros((Instant) row[timestamp]))) {
                    continue;
                }
                Object[] projected = new Object[sources.length];
                for (int i = 0; i < sources.length; i++) {
                    projected[i] = sources[i] < 0 ? null : row[sources[i]];
                }
                frame.add(projected);
                if (frame.size() == ROWS_PER_FRAME) {
                    writeFrame(frame, out);
                    frame.clear();
                }
            }
        }
        if (!frame.isEmpty()) {
            writeFrame(frame, out);
        }
        writeLength(out, 0);
    }

    private void writeFrame(List<Object[]> rows, OutputStream out)
            throws IOException, IngestException
    {
        byte[] batch = BatchEncoder.encode(table, new RowBatch(table.name(), columns, rows));
        writeLength(out, batch.length);
        out.write(batch);
    }

    private static void writeLength(OutputStream out, int length)
            throws IOException
    {
        out.write(length);
        out.write(length >>> 8);
        out.write(length >>> 16);
        out.write(length >>> 24);
    }
}

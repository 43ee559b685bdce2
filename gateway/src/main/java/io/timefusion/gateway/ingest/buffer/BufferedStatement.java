package io.timefusion.gateway.ingest.buffer;

import io.timefusion.gateway.ingest.ColumnValues;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.ingest.RowSizes;
import io.timefusion.gateway.ingest.wal.WriteAheadLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one acknowledged statement in the buffer, under the sequence the write-ahead log gave them, grouped by
 * partition so that a query for one project and day finds them without looking at the others.
 *
 * @param partitions rows by partition, in statement order; the Object[] rows are those of {@code rows}
 * @param bytes the heap the rows take, estimated (RowSizes)
 * @param bufferedNanos {@link System#nanoTime()} when it entered the buffer
 */
record BufferedStatement(long sequence, RowBatch rows, Map<PartitionKey, List<Object[]>> partitions, long bytes, long bufferedNanos)
{
    String table()
    {
        return rows.table();
    }

    int rowCount()
    {
        return rows.rowCount();
    }

    /** A statement parsed, partitioned and encoded for the log by its session, waiting for its sequence. */
    record Prepared(RowBatch rows, Map<PartitionKey, List<Object[]>> partitions, long bytes, WriteAheadLog.EncodedStatement logRecord)
    {
        BufferedStatement withSequence(long sequence)
        {
            return new BufferedStatement(sequence, rows, partitions, bytes, System.nanoTime());
        }
    }

    static Prepared prepare(RowBatch rows)
            throws IngestException
    {
        return new Prepared(rows, partition(rows), RowSizes.estimate(rows), WriteAheadLog.encode(rows));
    }

    /** A statement read back from the log at start. */
    static BufferedStatement recovered(long sequence, RowBatch rows)
            throws IngestException
    {
        return new BufferedStatement(sequence, rows, partition(rows), RowSizes.estimate(rows), System.nanoTime());
    }

    private static Map<PartitionKey, List<Object[]>> partition(RowBatch rows)
            throws IngestException
    {
        int project = rows.columns().indexOf(BufferColumns.PROJECT_ID);
        int timestamp = rows.columns().indexOf(BufferColumns.TIMESTAMP);
        if (project < 0 || timestamp < 0) {
            // the parsers require both (NOT NULL columns); a batch without them cannot be placed in a partition
            throw new IngestException("23502", "rows of %s need project_id and timestamp".formatted(rows.table()));
        }
        Map<PartitionKey, List<Object[]>> partitions = new HashMap<>();
        for (Object[] row : rows.rows()) {
            PartitionKey key = new PartitionKey((String) row[project], PartitionKey.epochDay(ColumnValues.epochMicros((Instant) row[timestamp])));
            partitions.computeIfAbsent(key, _ -> new ArrayList<>()).add(row);
        }
        return partitions;
    }
}

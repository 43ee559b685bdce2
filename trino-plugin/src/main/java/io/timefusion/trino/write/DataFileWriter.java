package io.timefusion.trino.write;

import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.ArrayBlockBuilder;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.type.LongTimestampWithTimeZone;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.HASHES;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.SUMMARY;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;

/**
 * Writes the buffered rows of one partition of an INSERT as one data file, newest timestamp first (rows with equal
 * timestamps keep the statement's order). NULL {@code hashes} and {@code summary} are stored as empty arrays.
 */
final class DataFileWriter
{
    private final OtelLogsAndSpansTable table;
    private final List<TableColumn> dataColumns;
    private final int[] dataChannels;
    private final boolean[] emptyArrayWhenNull;
    private final int timestampChannel;
    private final long targetFileBytes;

    DataFileWriter(OtelLogsAndSpansTable table, List<TimeFusionColumnHandle> inputColumns, long targetFileBytes)
    {
        this.targetFileBytes = targetFileBytes;
        List<String> inputNames = inputColumns.stream().map(TimeFusionColumnHandle::name).toList();
        this.table = table;
        this.dataColumns = table.dataColumns();
        this.dataChannels = dataColumns.stream().mapToInt(column -> channel(inputNames, column.name())).toArray();
        this.emptyArrayWhenNull = new boolean[dataColumns.size()];
        for (int i = 0; i < dataColumns.size(); i++) {
            String name = dataColumns.get(i).name();
            emptyArrayWhenNull[i] = name.equals(HASHES) || name.equals(SUMMARY);
        }
        this.timestampChannel = channel(inputNames, TIMESTAMP);
    }

    private static int channel(List<String> inputNames, String name)
    {
        int channel = inputNames.indexOf(name);
        if (channel < 0) {
            throw new IllegalArgumentException("INSERT does not provide column " + name);
        }
        return channel;
    }

    AddFile write(TrinoFileSystem fileSystem, Location tableRoot, PartitionKey partition, List<Page> pages)
            throws IOException
    {
        StreamingDataFile file = StreamingDataFile.create(fileSystem, tableRoot, partition, table, targetFileBytes);
        try {
            RowReference[] rows = rows(pages);
            if (isNewestFirst(rows)) {
                // the usual case for a flush, which the gateway sorts: the pages are written as they are
                for (Page page : pages) {
                    file.append(dataPage(page));
                }
                return file.finish();
            }
            // a stable sort: rows with equal timestamps keep the statement's order, which OPTIMIZE reads as their write order
            Arrays.sort(rows, Comparator.comparingLong(RowReference::epochMicros).reversed());
            PageBuilder sorted = new PageBuilder(dataColumns.stream().map(TableColumn::type).toList());
            for (RowReference row : rows) {
                Page page = pages.get(row.page());
                sorted.declarePosition();
                for (int column = 0; column < dataColumns.size(); column++) {
                    appendValue(column, page.getBlock(dataChannels[column]), row.position(), sorted.getBlockBuilder(column));
                }
                if (sorted.isFull()) {
                    file.append(sorted.build());
                    sorted.reset();
                }
            }
            if (!sorted.isEmpty()) {
                file.append(sorted.build());
            }
            return file.finish();
        }
        catch (IOException | RuntimeException e) {
            try {
                file.abort();
            }
            catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void appendValue(int column, Block block, int position, BlockBuilder builder)
    {
        if (emptyArrayWhenNull[column] && block.isNull(position)) {
            ((ArrayBlockBuilder) builder).buildEntry(_ -> {});
        }
        else {
            dataColumns.get(column).type().appendTo(block, position, builder);
        }
    }

    private record RowReference(int page, int position, long epochMicros) {}

    /** The page's data columns in table order, with NULL arrays stored as empty ones. */
    private Page dataPage(Page page)
    {
        Block[] blocks = new Block[dataColumns.size()];
        for (int column = 0; column < blocks.length; column++) {
            Block block = page.getBlock(dataChannels[column]);
            if (emptyArrayWhenNull[column] && block instanceof RunLengthEncodedBlock rle && rle.getValue().isNull(0)) {
                block = RunLengthEncodedBlock.create(emptyArray(column), block.getPositionCount());
            }
            else if (emptyArrayWhenNull[column] && block.mayHaveNull()) {
                BlockBuilder builder = dataColumns.get(column).type().createBlockBuilder(null, block.getPositionCount());
                for (int position = 0; position < block.getPositionCount(); position++) {
                    appendValue(column, block, position, builder);
                }
                block = builder.build();
            }
            blocks[column] = block;
        }
        return new Page(page.getPositionCount(), blocks);
    }

    private Block emptyArray(int column)
    {
        BlockBuilder builder = dataColumns.get(column).type().createBlockBuilder(null, 1);
        ((ArrayBlockBuilder) builder).buildEntry(_ -> {});
        return builder.build();
    }

    private static boolean isNewestFirst(RowReference[] rows)
    {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].epochMicros() > rows[i - 1].epochMicros()) {
                return false;
            }
        }
        return true;
    }

    private RowReference[] rows(List<Page> pages)
    {
        int rowCount = pages.stream().mapToInt(Page::getPositionCount).sum();
        RowReference[] rows = new RowReference[rowCount];
        int next = 0;
        for (int pageIndex = 0; pageIndex < pages.size(); pageIndex++) {
            Block timestamps = pages.get(pageIndex).getBlock(timestampChannel);
            for (int position = 0; position < timestamps.getPositionCount(); position++) {
                LongTimestampWithTimeZone timestamp = (LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(timestamps, position);
                rows[next++] = new RowReference(pageIndex, position, StoredTimestamps.epochMicros(timestamp));
            }
        }
        return rows;
    }
}

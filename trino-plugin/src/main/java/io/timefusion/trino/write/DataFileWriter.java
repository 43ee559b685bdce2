package io.timefusion.trino.write;

import com.google.common.io.CountingOutputStream;
import io.airlift.units.DataSize;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.parquet.writer.ParquetWriter;
import io.trino.parquet.writer.ParquetWriterOptions;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.ArrayBlockBuilder;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.Type;
import org.apache.parquet.format.CompressionCodec;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.airlift.units.DataSize.Unit.MEGABYTE;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.HASHES;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.STATISTICS_COLUMNS;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.SUMMARY;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;

/**
 * Writes the buffered rows of one partition as one ZSTD Parquet file, newest timestamp first, and describes it
 * as a Delta add action with statistics. NULL {@code hashes} and {@code summary} are stored as empty arrays.
 */
final class DataFileWriter
{
    private static final ParquetWriterOptions WRITER_OPTIONS = ParquetWriterOptions.builder()
            // row groups small enough that a time-window query skips most of a sorted file
            .setMaxBlockSize(DataSize.of(32, MEGABYTE))
            .build();

    private final List<TableColumn> dataColumns;
    private final int[] dataChannels;
    private final boolean[] emptyArrayWhenNull;
    private final int timestampChannel;
    private final int[] statisticsChannels;
    private final List<Type> statisticsTypes;
    private final DataFileSchema schema;

    DataFileWriter(OtelLogsAndSpansTable table, List<TimeFusionColumnHandle> inputColumns)
    {
        List<String> inputNames = inputColumns.stream().map(TimeFusionColumnHandle::name).toList();
        this.dataColumns = table.dataColumns();
        this.dataChannels = dataColumns.stream().mapToInt(column -> channel(inputNames, column.name())).toArray();
        this.emptyArrayWhenNull = new boolean[dataColumns.size()];
        for (int i = 0; i < dataColumns.size(); i++) {
            String name = dataColumns.get(i).name();
            emptyArrayWhenNull[i] = name.equals(HASHES) || name.equals(SUMMARY);
        }
        this.timestampChannel = channel(inputNames, TIMESTAMP);
        this.statisticsChannels = STATISTICS_COLUMNS.stream().mapToInt(name -> channel(inputNames, name)).toArray();
        this.statisticsTypes = STATISTICS_COLUMNS.stream().map(name -> table.column(name).type()).toList();
        this.schema = DataFileSchema.of(dataColumns);
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
        String relativePath = partition.directory() + "/part-" + UUID.randomUUID() + ".zstd.parquet";
        Location location = tableRoot.appendPath(relativePath);
        FileStatistics statistics = new FileStatistics(STATISTICS_COLUMNS, statisticsTypes);
        CountingOutputStream output = new CountingOutputStream(fileSystem.newOutputFile(location).create());
        try (ParquetWriter writer = new ParquetWriter(output, schema.messageType(), schema.primitiveTypes(), WRITER_OPTIONS,
                CompressionCodec.ZSTD, "TimeFusion", Optional.empty(), Optional.empty())) {
            PageBuilder sorted = new PageBuilder(dataColumns.stream().map(TableColumn::type).toList());
            RowReference[] rows = newestFirst(pages);
            Block[][] statisticsBlocks = pages.stream()
                    .map(page -> IntStream.of(statisticsChannels).mapToObj(page::getBlock).toArray(Block[]::new))
                    .toArray(Block[][]::new);
            for (RowReference row : rows) {
                Page page = pages.get(row.page());
                sorted.declarePosition();
                for (int column = 0; column < dataColumns.size(); column++) {
                    appendValue(column, page.getBlock(dataChannels[column]), row.position(), sorted.getBlockBuilder(column));
                }
                statistics.add(statisticsBlocks[row.page()], row.position());
                if (sorted.isFull()) {
                    writer.write(sorted.build());
                    sorted.reset();
                }
            }
            if (!sorted.isEmpty()) {
                writer.write(sorted.build());
            }
        }
        return new AddFile(encodePath(relativePath), partition.partitionValues(), output.getCount(), System.currentTimeMillis(), true, statistics.toJson());
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

    private RowReference[] newestFirst(List<Page> pages)
    {
        int rowCount = pages.stream().mapToInt(Page::getPositionCount).sum();
        RowReference[] rows = new RowReference[rowCount];
        int next = 0;
        for (int pageIndex = 0; pageIndex < pages.size(); pageIndex++) {
            Block timestamps = pages.get(pageIndex).getBlock(timestampChannel);
            for (int position = 0; position < timestamps.getPositionCount(); position++) {
                LongTimestampWithTimeZone timestamp = (LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(timestamps, position);
                rows[next++] = new RowReference(pageIndex, position, WriteTimestamps.epochMicros(timestamp));
            }
        }
        Arrays.sort(rows, Comparator.comparingLong(RowReference::epochMicros).reversed());
        return rows;
    }

    /** Delta add paths are URIs relative to the table root (escaped partition names stay escaped once more). */
    private static String encodePath(String relativePath)
    {
        try {
            return new URI(null, null, relativePath, null).toASCIIString();
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot encode data file path " + relativePath, e);
        }
    }
}

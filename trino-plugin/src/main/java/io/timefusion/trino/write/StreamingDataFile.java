package io.timefusion.trino.write;

import com.google.common.io.CountingOutputStream;
import io.airlift.units.DataSize;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.FileTags;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.parquet.writer.ParquetWriter;
import io.trino.parquet.writer.ParquetWriterOptions;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;
import org.apache.parquet.format.CompressionCodec;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.airlift.units.DataSize.Unit.KILOBYTE;
import static io.airlift.units.DataSize.Unit.MEGABYTE;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.BLOOM_FILTER_COLUMNS;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.STATISTICS_COLUMNS;

/**
 * One data file of a partition, written page by page: ZSTD Parquet of the table's data columns, statistics of the hot
 * columns, and when finished its Delta add action. The caller gives the rows in the order the file must hold them,
 * newest timestamp first, so nothing but the Parquet writer's current row group is held in memory.
 */
public final class StreamingDataFile
{
    // row groups small enough that a time-window query skips most of a sorted file
    private static final long MAX_ROW_GROUP_BYTES = DataSize.of(32, MEGABYTE).toBytes();
    private static final long MIN_ROW_GROUP_BYTES = DataSize.of(4, KILOBYTE).toBytes();
    // pages of at most this many rows (Trino's writer closes a page only between batches, hence both settings): a reader
    // that returns a few rows of a row group skips the pages before them without decompressing them, and with 1 MB
    // pages (the default) an id column's page held some 30,000 rows, all decompressed for each row returned
    static final int PAGE_ROWS = 8192;

    private final TrinoFileSystem fileSystem;
    private final Location location;
    private final String relativePath;
    private final PartitionKey partition;
    private final CountingOutputStream output;
    private final ParquetWriter writer;
    private final FileStatistics statistics;
    private final int[] statisticsChannels;
    private boolean closed;

    private StreamingDataFile(TrinoFileSystem fileSystem, Location location, String relativePath, PartitionKey partition, CountingOutputStream output,
            ParquetWriter writer, FileStatistics statistics, int[] statisticsChannels)
    {
        this.fileSystem = fileSystem;
        this.location = location;
        this.relativePath = relativePath;
        this.partition = partition;
        this.output = output;
        this.writer = writer;
        this.statistics = statistics;
        this.statisticsChannels = statisticsChannels;
    }

    /**
     * A new file under {@code project_id=…/date=…/} of the table. Its row groups are at most a quarter of the target
     * file size, so a writer that closes files by {@link #writtenBytes()} overshoots the target by less than that.
     */
    public static StreamingDataFile create(TrinoFileSystem fileSystem, Location tableRoot, PartitionKey partition, OtelLogsAndSpansTable table, long targetFileBytes)
            throws IOException
    {
        ParquetWriterOptions options = ParquetWriterOptions.builder()
                .setMaxBlockSize(DataSize.ofBytes(Math.clamp(targetFileBytes / 4, MIN_ROW_GROUP_BYTES, MAX_ROW_GROUP_BYTES)))
                .setMaxPageValueCount(PAGE_ROWS)
                .setBatchSize(PAGE_ROWS)
                .setBloomFilterColumns(Set.copyOf(BLOOM_FILTER_COLUMNS))
                // 1 % instead of Trino's 5 % (and FileBloomFilters builds its own at that rate): a lookup by id opens each
                // file whose filter errs, in every partition it reads
                .setBloomFilterFpp(0.01)
                .build();
        List<TableColumn> dataColumns = table.dataColumns();
        List<String> dataNames = dataColumns.stream().map(TableColumn::name).toList();
        int[] statisticsChannels = STATISTICS_COLUMNS.stream().mapToInt(dataNames::indexOf).toArray();
        List<Type> statisticsTypes = STATISTICS_COLUMNS.stream().map(name -> table.column(name).type()).toList();
        DataFileSchema schema = DataFileSchema.of(dataColumns);

        String relativePath = partition.directory() + "/part-" + UUID.randomUUID() + ".zstd.parquet";
        Location location = tableRoot.appendPath(relativePath);
        CountingOutputStream output = new CountingOutputStream(fileSystem.newOutputFile(location).create());
        ParquetWriter writer = new ParquetWriter(output, schema.messageType(), schema.primitiveTypes(), options,
                CompressionCodec.ZSTD, "TimeFusion", Optional.empty(), Optional.empty());
        return new StreamingDataFile(fileSystem, location, relativePath, partition, output, writer,
                new FileStatistics(STATISTICS_COLUMNS, statisticsTypes), statisticsChannels);
    }

    /** Appends rows whose channels are the table's data columns in table order. */
    public void append(Page page)
            throws IOException
    {
        Block[] statisticsBlocks = new Block[statisticsChannels.length];
        for (int i = 0; i < statisticsChannels.length; i++) {
            statisticsBlocks[i] = page.getBlock(statisticsChannels[i]);
        }
        for (int position = 0; position < page.getPositionCount(); position++) {
            statistics.add(statisticsBlocks, position);
        }
        writer.write(page);
    }

    /**
     * Bytes of the row groups written so far (compressed, as they are in the file): once they reach the target the file
     * is at least that large, whatever the row group being built compresses to.
     */
    public long writtenBytes()
    {
        return writer.getWrittenBytes();
    }

    /** Heap the Parquet writer holds (its current row group). */
    public long retainedBytes()
    {
        return writer.getRetainedBytes();
    }

    public long rows()
    {
        return statistics.records();
    }

    /** Closes the file and describes it as an add action, tagged as sorted newest first. */
    public AddFile finish()
            throws IOException
    {
        closed = true;
        writer.close();
        return new AddFile(encodePath(relativePath), partition.partitionValues(), output.getCount(), System.currentTimeMillis(), true, statistics.toJson(),
                Map.of(FileTags.SORTED_BY, FileTags.TIMESTAMP_DESCENDING));
    }

    /** Closes the file, if still open, and deletes it: it was never committed, so no reader can need it. */
    public void abort()
            throws IOException
    {
        try {
            if (!closed) {
                closed = true;
                writer.close();
            }
        }
        finally {
            fileSystem.deleteFile(location);
        }
    }

    public Location location()
    {
        return location;
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

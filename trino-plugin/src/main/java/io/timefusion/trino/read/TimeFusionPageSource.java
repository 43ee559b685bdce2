package io.timefusion.trino.read;

import io.timefusion.trino.metadata.MergeRowId;
import io.timefusion.trino.parquet.ParquetFileReader;
import io.trino.memory.context.AggregatedMemoryContext;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pages of one data file in the requested column order: stored columns from Parquet, partition columns as a
 * constant for the whole file, and for the scan of an UPDATE, DELETE or MERGE each row's {@link MergeRowId}; only
 * the rows the scan's {@link RowFilter} passes, the other columns decoded only for batches with such rows.
 */
final class TimeFusionPageSource
        implements ConnectorPageSource
{
    static final int CONSTANT = -1;
    static final int ROW_ID = -2;

    /** The file as the row ids name it. */
    record RowIdSource(String table, String deltaPath, long fileSize) {}

    /** For each output channel: the reader channel, {@link #CONSTANT} or {@link #ROW_ID}. */
    private final int[] readerChannels;
    private final Block[] constants;
    private final Optional<RowIdSource> rowIdSource;
    private final ParquetFileReader reader;
    private final RowFilter filter;
    /** For each column of the filter: its reader channel. */
    private final int[] filterChannels;
    private final AggregatedMemoryContext memoryContext;
    private int[] selected = new int[0];
    private long completedPositions;
    private boolean finished;

    TimeFusionPageSource(ParquetFileReader reader, int[] readerChannels, Block[] constants, Optional<RowIdSource> rowIdSource, RowFilter filter, int[] filterChannels,
            AggregatedMemoryContext memoryContext)
    {
        this.reader = reader;
        this.readerChannels = readerChannels;
        this.constants = constants;
        this.rowIdSource = rowIdSource;
        this.filter = filter;
        this.filterChannels = filterChannels;
        this.memoryContext = memoryContext;
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        while (!finished) {
            SourcePage batch;
            try {
                batch = reader.nextBatch();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (batch == null) {
                finished = true;
                return null;
            }
            int rows = batch.getPositionCount();
            completedPositions += rows;
            int passed = filter.isAll() ? rows : select(batch);
            if (passed == 0) {
                continue;
            }
            // row ids number the batch's rows in the file: made for the whole batch, then narrowed like its columns
            Optional<Block> rowIds = rowIdSource.map(file -> MergeRowId.block(file.table(), file.deltaPath(), file.fileSize(), reader.lastBatchStartRow(), rows));
            if (passed < rows) {
                int[] positions = Arrays.copyOf(selected, passed);
                batch.selectPositions(positions, 0, passed);
                rowIds = rowIds.map(block -> block.getPositions(positions, 0, passed));
            }
            return output(batch, rowIds);
        }
        return null;
    }

    private int select(SourcePage batch)
    {
        int rows = batch.getPositionCount();
        if (selected.length < rows) {
            selected = new int[rows];
        }
        for (int position = 0; position < rows; position++) {
            selected[position] = position;
        }
        return filter.select(column -> reader.block(batch, filterChannels[column]), selected, rows);
    }

    private SourcePage output(SourcePage batch, Optional<Block> rowIds)
    {
        int rows = batch.getPositionCount();
        Block[] blocks = new Block[readerChannels.length];
        for (int channel = 0; channel < readerChannels.length; channel++) {
            blocks[channel] = switch (readerChannels[channel]) {
                case CONSTANT -> RunLengthEncodedBlock.create(constants[channel], rows);
                case ROW_ID -> rowIds.orElseThrow();
                default -> reader.block(batch, readerChannels[channel]);
            };
        }
        return SourcePage.create(new Page(rows, blocks));
    }

    /** Rows read from the file, also those the filter then left out: what the scan's statistics count as read. */
    @Override
    public OptionalLong getCompletedPositions()
    {
        return OptionalLong.of(completedPositions);
    }

    @Override
    public long getCompletedBytes()
    {
        return reader.completedBytes();
    }

    @Override
    public long getReadTimeNanos()
    {
        return reader.readTimeNanos();
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    @Override
    public long getMemoryUsage()
    {
        return memoryContext.getBytes();
    }

    @Override
    public void close()
            throws IOException
    {
        reader.close();
    }
}

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
import java.util.Optional;

/**
 * Pages of one data file in the requested column order: stored columns from Parquet, partition columns as a
 * constant for the whole file, and for the scan of an UPDATE, DELETE or MERGE each row's {@link MergeRowId}.
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
    private final AggregatedMemoryContext memoryContext;
    private boolean finished;

    TimeFusionPageSource(ParquetFileReader reader, int[] readerChannels, Block[] constants, Optional<RowIdSource> rowIdSource, AggregatedMemoryContext memoryContext)
    {
        this.reader = reader;
        this.readerChannels = readerChannels;
        this.constants = constants;
        this.rowIdSource = rowIdSource;
        this.memoryContext = memoryContext;
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (finished) {
            return null;
        }
        Page page;
        try {
            page = reader.nextPage();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (page == null) {
            finished = true;
            return null;
        }
        Block[] blocks = new Block[readerChannels.length];
        for (int channel = 0; channel < readerChannels.length; channel++) {
            blocks[channel] = switch (readerChannels[channel]) {
                case CONSTANT -> RunLengthEncodedBlock.create(constants[channel], page.getPositionCount());
                case ROW_ID -> {
                    RowIdSource file = rowIdSource.orElseThrow();
                    yield MergeRowId.block(file.table(), file.deltaPath(), file.fileSize(), reader.lastBatchStartRow(), page.getPositionCount());
                }
                default -> page.getBlock(readerChannels[channel]);
            };
        }
        return SourcePage.create(new Page(page.getPositionCount(), blocks));
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

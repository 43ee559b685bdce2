package io.timefusion.trino.read;

import io.timefusion.trino.parquet.ParquetFileReader;
import io.trino.memory.context.AggregatedMemoryContext;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Pages of one data file in the requested column order: stored columns from Parquet, partition columns as a
 * constant for the whole file.
 */
final class TimeFusionPageSource
        implements ConnectorPageSource
{
    /** For each output channel: the reader channel, or -1 for a constant. */
    private final int[] readerChannels;
    private final Block[] constants;
    private final ParquetFileReader reader;
    private final AggregatedMemoryContext memoryContext;
    private boolean finished;

    TimeFusionPageSource(ParquetFileReader reader, int[] readerChannels, Block[] constants, AggregatedMemoryContext memoryContext)
    {
        this.reader = reader;
        this.readerChannels = readerChannels;
        this.constants = constants;
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
            blocks[channel] = readerChannels[channel] >= 0
                    ? page.getBlock(readerChannels[channel])
                    : RunLengthEncodedBlock.create(constants[channel], page.getPositionCount());
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

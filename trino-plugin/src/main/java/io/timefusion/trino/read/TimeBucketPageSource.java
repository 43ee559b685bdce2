package io.timefusion.trino.read;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/** Rows of another page source whose {@link TimeBucketColumn}s it read as timestamps, with the buckets in their place. */
final class TimeBucketPageSource
        implements ConnectorPageSource
{
    private final ConnectorPageSource rows;
    private final List<ColumnHandle> columns;

    /** @param columns the scan's columns; the source returns each {@link TimeBucketColumn}'s timestamp in its channel */
    TimeBucketPageSource(ConnectorPageSource rows, List<ColumnHandle> columns)
    {
        this.rows = requireNonNull(rows, "rows is null");
        this.columns = List.copyOf(columns);
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        SourcePage page = rows.getNextSourcePage();
        if (page == null) {
            return null;
        }
        Block[] blocks = new Block[columns.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            Block block = page.getBlock(channel);
            blocks[channel] = columns.get(channel) instanceof TimeBucketColumn bucket ? bucket.buckets(block) : block;
        }
        return SourcePage.create(new Page(page.getPositionCount(), blocks));
    }

    @Override
    public long getCompletedBytes()
    {
        return rows.getCompletedBytes();
    }

    @Override
    public OptionalLong getCompletedPositions()
    {
        return rows.getCompletedPositions();
    }

    @Override
    public long getReadTimeNanos()
    {
        return rows.getReadTimeNanos();
    }

    @Override
    public boolean isFinished()
    {
        return rows.isFinished();
    }

    @Override
    public long getMemoryUsage()
    {
        return rows.getMemoryUsage();
    }

    @Override
    public CompletableFuture<?> isBlocked()
    {
        return rows.isBlocked();
    }

    @Override
    public void close()
            throws IOException
    {
        rows.close();
    }
}

package io.timefusion.trino.read;

import io.timefusion.trino.metadata.StoredTimestamps;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.function.Supplier;

import static io.airlift.slice.SizeOf.instanceSize;

/**
 * {@code count(*)} per time bucket over rows that other page sources read (each returning the rows' timestamps, already
 * filtered), one after the other; one page of (bucket, count) rows at the end, in bucket order with NULL last, no row
 * without input. Rows come in timestamp order within a file, so counts are kept per run of one bucket and added to
 * the bucket's total when the run ends.
 */
final class BucketCountPageSource
        implements ConnectorPageSource
{
    private static final int INSTANCE_SIZE = instanceSize(BucketCountPageSource.class);
    // a TreeMap entry (40 bytes) with its boxed Long key and value (16 each): what each bucket holds until the end,
    // reported so that a very fine bucket width over a long window meets the query's memory limit, not the heap's
    private static final int ENTRY_SIZE = 72;

    private final TimeBucketColumn bucket;
    private final List<ColumnHandle> columns;
    private final Iterator<Supplier<ConnectorPageSource>> parts;
    // in bucket order, so that the answer's rows come in one order however the input came
    private final Map<Long, Long> counts = new TreeMap<>();
    private final PageSourceChain chain = new PageSourceChain();
    private long runBucketMicros;
    private long runCount;
    private long nullCount;
    private boolean finished;

    /**
     * @param columns the scan's columns: the bucket and the count, in the order the engine asked
     * @param parts page sources returning the timestamp column alone
     */
    BucketCountPageSource(TimeBucketColumn bucket, List<ColumnHandle> columns, List<Supplier<ConnectorPageSource>> parts)
    {
        this.bucket = bucket;
        this.columns = List.copyOf(columns);
        this.parts = parts.iterator();
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (finished) {
            return null;
        }
        if (chain.current() == null) {
            if (!parts.hasNext()) {
                finished = true;
                return result();
            }
            chain.start(parts.next().get());
        }
        SourcePage page = chain.current().getNextSourcePage();
        if (page != null) {
            count(page.getBlock(0));
        }
        else if (chain.current().isFinished()) {
            chain.closeCurrent();
        }
        return null;
    }

    private void count(Block timestamps)
    {
        for (int position = 0; position < timestamps.getPositionCount(); position++) {
            if (timestamps.isNull(position)) {
                nullCount++;
                continue;
            }
            long start = bucket.bucketStartMicros(StoredTimestamps.epochMicros(timestamps, position));
            if (runCount > 0 && start != runBucketMicros) {
                endRun();
            }
            runBucketMicros = start;
            runCount++;
        }
    }

    private void endRun()
    {
        counts.merge(runBucketMicros, runCount, Long::sum);
        runCount = 0;
    }

    private SourcePage result()
    {
        if (runCount > 0) {
            endRun();
        }
        int rows = counts.size() + (nullCount > 0 ? 1 : 0);
        BlockBuilder buckets = TimeBucketColumn.TYPE.createBlockBuilder(null, rows);
        BlockBuilder totals = RowCountColumn.TYPE.createBlockBuilder(null, rows);
        counts.forEach((startMicros, total) -> {
            TimeBucketColumn.TYPE.writeObject(buckets, StoredTimestamps.utcTimestamp(startMicros));
            RowCountColumn.TYPE.writeLong(totals, total);
        });
        if (nullCount > 0) {
            buckets.appendNull();
            RowCountColumn.TYPE.writeLong(totals, nullCount);
        }
        Block bucketBlock = buckets.build();
        Block totalBlock = totals.build();
        Block[] blocks = columns.stream().map(column -> column instanceof RowCountColumn ? totalBlock : bucketBlock).toArray(Block[]::new);
        return SourcePage.create(new Page(rows, blocks));
    }

    @Override
    public OptionalLong getCompletedPositions()
    {
        return OptionalLong.of(chain.completedPositions());
    }

    @Override
    public long getCompletedBytes()
    {
        return chain.completedBytes();
    }

    @Override
    public long getReadTimeNanos()
    {
        return chain.readTimeNanos();
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    @Override
    public long getMemoryUsage()
    {
        return INSTANCE_SIZE + (long) counts.size() * ENTRY_SIZE + chain.memoryUsage();
    }

    @Override
    public void close()
            throws IOException
    {
        chain.close();
    }
}

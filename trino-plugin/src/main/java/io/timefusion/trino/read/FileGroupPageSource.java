package io.timefusion.trino.read;

import io.timefusion.trino.metadata.StoredTimestamps;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Reads the files of a {@link FileGroupSplit} one after the other, in its order. For a TopN it keeps the order keys
 * of the n rows nearest the head of the scan's order seen so far; before each file: once n rows are kept and the file
 * cannot hold a row ahead of the last of them, neither can any file after it, and reading stops; otherwise the file
 * is opened with that last key as a bound on its row groups. Every row read is returned (the rows already passed the
 * scan's filter); the engine's TopN picks the n.
 */
final class FileGroupPageSource
        implements ConnectorPageSource
{
    /** Opens a file's page source, its row groups bounded by the timestamp given (inclusive), if any. */
    interface FileOpener
    {
        ConnectorPageSource open(TimeFusionSplit file, OptionalLong boundMicros, boolean descending);
    }

    private final FileGroupSplit split;
    private final int timestampChannel;
    private final FileOpener opener;
    // min-heap of order keys: its head is the last of the n kept, the key a file must reach to be read
    private final PriorityQueue<Long> kept = new PriorityQueue<>();
    private final PageSourceChain files = new PageSourceChain();
    private int nextFile;
    private boolean finished;

    /** @param timestampChannel the output channel of timestamp, for a TopN */
    FileGroupPageSource(FileGroupSplit split, int timestampChannel, FileOpener opener)
    {
        this.split = split;
        this.timestampChannel = timestampChannel;
        this.opener = opener;
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        while (!finished) {
            if (files.current() == null && !openNextFile()) {
                finished = true;
                return null;
            }
            SourcePage page = files.current().getNextSourcePage();
            if (page != null) {
                if (split.topN().isPresent()) {
                    keep(page.getBlock(timestampChannel), split.topN().get());
                }
                return page;
            }
            if (!files.current().isFinished()) {
                return null;
            }
            files.closeCurrent();
        }
        return null;
    }

    private boolean openNextFile()
    {
        if (nextFile == split.files().size()) {
            return false;
        }
        FileGroupSplit.File file = split.files().get(nextFile);
        boolean descending = split.topN().map(TopNScan::descending).orElse(true);
        boolean full = split.topN().map(this::isFull).orElse(false);
        if (full && file.orderBound(descending) < kept.peek()) {
            return false;
        }
        nextFile++;
        OptionalLong bound = full ? OptionalLong.of(descending ? kept.peek() : -kept.peek()) : OptionalLong.empty();
        files.start(opener.open(file.split(), bound, descending));
        return true;
    }

    private void keep(Block timestamps, TopNScan topN)
    {
        boolean descending = topN.descending();
        for (int position = 0; position < timestamps.getPositionCount(); position++) {
            if (timestamps.isNull(position)) {
                continue;
            }
            long key = FileGroupSplit.orderKey(StoredTimestamps.epochMicros(timestamps, position), descending);
            if (!isFull(topN)) {
                kept.add(key);
            }
            else if (key > kept.peek()) {
                kept.poll();
                kept.add(key);
            }
        }
    }

    private boolean isFull(TopNScan topN)
    {
        return kept.size() >= topN.count();
    }

    @Override
    public long getCompletedBytes()
    {
        return files.completedBytes();
    }

    @Override
    public OptionalLong getCompletedPositions()
    {
        return OptionalLong.of(files.completedPositions());
    }

    @Override
    public long getReadTimeNanos()
    {
        return files.readTimeNanos();
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    @Override
    public long getMemoryUsage()
    {
        return files.memoryUsage();
    }

    @Override
    public void close()
            throws IOException
    {
        finished = true;
        files.close();
    }
}

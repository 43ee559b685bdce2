package io.timefusion.trino.buffer;

import io.airlift.slice.Slice;
import io.timefusion.trino.buffer.BufferRowFilter.Selection;
import io.timefusion.trino.ingest.BatchDecoder;
import io.timefusion.trino.read.RowFilter;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_BUFFER_CORRUPT;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_BUFFER_UNAVAILABLE;
import static io.trino.spi.type.DateType.DATE;

/**
 * The buffered rows of one gateway: fetched on the first page asked for, then read one frame at a time, each decoded
 * with the batch decoder's read mode, filtered exactly by the query's project_id, date and timestamp domains, and
 * returned as the requested columns in the requested order with {@code date} derived from {@code timestamp}.
 */
final class BufferPageSource
        implements ConnectorPageSource
{
    /** In the decoded page: project_id and timestamp come first, for the filter and for {@code date}. */
    static final int PROJECT_CHANNEL = 0;
    static final int TIMESTAMP_CHANNEL = 1;
    /** An output column that is not decoded but derived: {@code date}. */
    static final int DATE_OUTPUT = -1;

    private final BufferSplit split;
    private final byte[] request;
    private final BufferFetch fetch;
    private final BatchDecoder decoder;
    private final BufferRowFilter filter;
    private final RowFilter rowFilter;
    /** For each column of the row filter: its channel among the decoded ones. */
    private final int[] filterChannels;
    private final List<String> decodedColumns;
    private final int[] outputChannels;

    private GatewayResponse response;
    private FrameReader frames;
    private boolean finished;
    private boolean rowsReturned;
    private long readTimeNanos;
    private long memoryUsage;
    private long completedPositions;

    /**
     * @param decodedColumns the columns to decode, project_id and timestamp first
     * @param outputChannels for each output column its channel among the decoded ones, or {@link #DATE_OUTPUT}
     */
    BufferPageSource(BufferSplit split, byte[] request, BufferFetch fetch, BatchDecoder decoder, BufferRowFilter filter, RowFilter rowFilter, int[] filterChannels,
            List<String> decodedColumns, int[] outputChannels)
    {
        this.split = split;
        this.request = request;
        this.fetch = fetch;
        this.decoder = decoder;
        this.filter = filter;
        this.rowFilter = rowFilter;
        this.filterChannels = filterChannels.clone();
        this.decodedColumns = List.copyOf(decodedColumns);
        this.outputChannels = outputChannels.clone();
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (finished) {
            return null;
        }
        long start = System.nanoTime();
        try {
            return nextPage();
        }
        finally {
            readTimeNanos += System.nanoTime() - start;
        }
    }

    private SourcePage nextPage()
    {
        if (frames == null && !open()) {
            finish();
            return null;
        }
        try {
            while (true) {
                Slice frame = frames.next();
                if (frame == null) {
                    finish();
                    return null;
                }
                Page rows = decode(frame);
                memoryUsage = frame.length() + rows.getRetainedSizeInBytes();
                completedPositions += rows.getPositionCount();
                Page selected = select(rows);
                if (selected.getPositionCount() > 0) {
                    rowsReturned = true;
                    return SourcePage.create(selected);
                }
            }
        }
        catch (IOException e) {
            finish();
            if (rowsReturned) {
                // the rows returned cannot be taken back: skipping now would answer with part of the gateway's rows
                throw new TrinoException(TIMEFUSION_BUFFER_UNAVAILABLE, "The %s stopped sending its buffered rows after some were returned: %s"
                        .formatted(split.describe(), BufferFetch.reason(split, e)), e);
            }
            fetch.unavailable(split, BufferFetch.reason(split, e), e);
            return null;
        }
    }

    private boolean open()
    {
        Optional<GatewayResponse> opened = fetch.open(split, request);
        if (opened.isEmpty()) {
            return false;
        }
        response = opened.get();
        frames = new FrameReader(response.body(), split.describe());
        return true;
    }

    private Page decode(Slice frame)
    {
        try {
            return decoder.decodeColumns(frame, decodedColumns);
        }
        catch (TrinoException e) {
            throw new TrinoException(TIMEFUSION_BUFFER_CORRUPT, "The %s sent buffered rows that cannot be read: %s".formatted(split.describe(), e.getMessage()), e);
        }
    }

    private Page select(Page rows)
    {
        int[] candidates = new int[rows.getPositionCount()];
        for (int position = 0; position < candidates.length; position++) {
            candidates[position] = position;
        }
        Selection selection;
        try {
            int passed = rowFilter.select(column -> rows.getBlock(filterChannels[column]), candidates, candidates.length);
            selection = filter.select(rows.getBlock(PROJECT_CHANNEL), rows.getBlock(TIMESTAMP_CHANNEL), candidates, passed);
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(TIMEFUSION_BUFFER_CORRUPT, "The %s sent buffered rows that cannot be read: %s".formatted(split.describe(), e.getMessage()), e);
        }
        boolean all = selection.count() == rows.getPositionCount();
        Block[] blocks = new Block[outputChannels.length];
        for (int output = 0; output < outputChannels.length; output++) {
            if (outputChannels[output] == DATE_OUTPUT) {
                blocks[output] = dates(selection);
            }
            else {
                Block block = rows.getBlock(outputChannels[output]);
                blocks[output] = all ? block : block.getPositions(selection.positions(), 0, selection.count());
            }
        }
        return new Page(selection.count(), blocks);
    }

    private static Block dates(Selection selection)
    {
        BlockBuilder dates = DATE.createFixedSizeBlockBuilder(selection.count());
        for (int row = 0; row < selection.count(); row++) {
            DATE.writeLong(dates, selection.epochDays()[row]);
        }
        return dates.build();
    }

    private void finish()
    {
        finished = true;
        memoryUsage = 0;
        closeResponse();
    }

    private void closeResponse()
    {
        if (response != null) {
            response.close();
        }
    }

    @Override
    public long getCompletedBytes()
    {
        return frames == null ? 0 : frames.bytesRead();
    }

    /** Buffered rows received, also those the filters then left out: what the scan's statistics count as read. */
    @Override
    public OptionalLong getCompletedPositions()
    {
        return OptionalLong.of(completedPositions);
    }

    @Override
    public long getReadTimeNanos()
    {
        return readTimeNanos;
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    @Override
    public long getMemoryUsage()
    {
        return memoryUsage;
    }

    @Override
    public void close()
    {
        closeResponse();
    }
}

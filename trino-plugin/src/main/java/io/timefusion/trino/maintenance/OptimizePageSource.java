package io.timefusion.trino.maintenance;

import io.timefusion.trino.parquet.ParquetFileReader;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.memory.context.AggregatedMemoryContext;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.TupleDomain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.timefusion.trino.storage.StorageErrors.storageError;
import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;
import static io.trino.spi.predicate.Utils.nativeValueToBlock;
import static io.trino.spi.type.BigintType.BIGINT;

/**
 * The rows of one partition that OPTIMIZE rewrites, newest timestamp first, each (timestamp, id) once: the last written.
 * Input files are read one at a time into a sort buffer; when the buffer passes its budget its rows are sorted and
 * spilled to a local run file, and at the end the runs are merged. So memory holds at most the buffer, one input
 * file's reader and one page per run, never the whole partition. Each call does one step (one input page, or one
 * output page), so the task stays responsive while a large partition is read.
 */
final class OptimizePageSource
        implements ConnectorPageSource
{
    /** Runs merged at once; more are first merged in groups of this many (each open run holds a reader and a page). */
    private static final int MAX_MERGE_WIDTH = 64;

    private final TrinoFileSystem fileSystem;
    private final List<OptimizeSplit.Input> inputs;
    private final SortLayout layout;
    private final long sortBufferBytes;
    private final Path spillDirectory;
    private final int[] dataChannels;
    private final Block[] constants;
    private final AggregatedMemoryContext memoryContext = newSimpleAggregatedMemoryContext();
    private final SortBuffer buffer;
    private final List<SpilledRun> runs = new ArrayList<>();

    private int nextInput;
    private ParquetFileReader reader;
    private long positionInInput;
    private long completedBytes;
    private long readTimeNanos;
    private RowCursor sorted;
    private DeduplicatingEmitter emitter;
    private boolean finished;

    OptimizePageSource(TrinoFileSystem fileSystem, List<OptimizeSplit.Input> inputs, SortLayout layout, long sortBufferBytes, Path spillDirectory, int[] dataChannels, Block[] constants)
    {
        this.fileSystem = fileSystem;
        this.inputs = List.copyOf(inputs);
        this.layout = layout;
        this.sortBufferBytes = sortBufferBytes;
        this.spillDirectory = spillDirectory;
        this.dataChannels = dataChannels.clone();
        this.constants = constants.clone();
        this.buffer = new SortBuffer(layout);
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (finished) {
            return null;
        }
        try {
            if (emitter == null) {
                readStep();
                return null;
            }
            Page page = emitter.next();
            if (page == null) {
                finished = true;
                return null;
            }
            return SourcePage.create(page);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one page of the current input into the buffer; after the last input, prepares the sorted output. */
    private void readStep()
            throws IOException
    {
        if (reader == null) {
            if (nextInput == inputs.size()) {
                sorted = sortedRows();
                emitter = new DeduplicatingEmitter(sorted, layout, dataChannels, constants);
                return;
            }
            openInput(inputs.get(nextInput));
        }
        long started = System.nanoTime();
        Page page = reader.nextPage();
        readTimeNanos += System.nanoTime() - started;
        if (page == null) {
            completedBytes += reader.completedBytes();
            reader.close();
            reader = null;
            nextInput++;
            return;
        }
        buffer.add(withWriteOrder(page, nextInput));
        if (buffer.retainedBytes() >= sortBufferBytes) {
            runs.add(SpilledRun.write(spillDirectory, layout, buffer.sortedAndCleared()));
        }
    }

    private void openInput(OptimizeSplit.Input input)
    {
        Location location = Location.of(input.path());
        try {
            reader = ParquetFileReader.open(fileSystem.newInputFile(location, input.size()), layout.dataColumnsToRead(), TupleDomain.all(), memoryContext);
        }
        catch (IOException e) {
            throw storageError("open a data file to optimize", location, e);
        }
        positionInInput = 0;
    }

    /** The page with the rank of its file and each row's position in the file appended. */
    private Page withWriteOrder(Page page, int rank)
    {
        int count = page.getPositionCount();
        long[] positions = new long[count];
        for (int i = 0; i < count; i++) {
            positions[i] = positionInInput++;
        }
        Block rankBlock = RunLengthEncodedBlock.create(nativeValueToBlock(BIGINT, (long) rank), count);
        return page.appendColumn(rankBlock).appendColumn(new LongArrayBlock(count, Optional.empty(), positions));
    }

    private RowCursor sortedRows()
            throws IOException
    {
        if (runs.isEmpty()) {
            return buffer.sortedAndCleared();
        }
        if (!buffer.isEmpty()) {
            runs.add(SpilledRun.write(spillDirectory, layout, buffer.sortedAndCleared()));
        }
        while (runs.size() > MAX_MERGE_WIDTH) {
            List<SpilledRun> group = new ArrayList<>(runs.subList(0, MAX_MERGE_WIDTH));
            runs.subList(0, MAX_MERGE_WIDTH).clear();
            try (RowCursor merged = merge(group)) {
                runs.add(SpilledRun.write(spillDirectory, layout, merged));
            }
            finally {
                for (SpilledRun run : group) {
                    run.close();
                }
            }
        }
        return merge(runs);
    }

    private RowCursor merge(List<SpilledRun> toMerge)
            throws IOException
    {
        List<RowCursor> cursors = new ArrayList<>();
        try {
            for (SpilledRun run : toMerge) {
                cursors.add(run.open());
            }
        }
        catch (IOException | RuntimeException e) {
            for (RowCursor cursor : cursors) {
                cursor.close();
            }
            throw e;
        }
        return new MergingCursor(cursors);
    }

    @Override
    public long getCompletedBytes()
    {
        return completedBytes + (reader == null ? 0 : reader.completedBytes());
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
        return buffer.retainedBytes() + memoryContext.getBytes();
    }

    @Override
    public void close()
            throws IOException
    {
        IOException failure = null;
        List<AutoCloseable> resources = new ArrayList<>();
        if (reader != null) {
            resources.add(reader);
        }
        if (sorted != null) {
            resources.add(sorted);
        }
        resources.addAll(runs);
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            }
            catch (Exception e) {
                if (failure == null) {
                    failure = new IOException("Could not release what OPTIMIZE used", e);
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        reader = null;
        sorted = null;
        runs.clear();
        if (failure != null) {
            throw failure;
        }
    }
}

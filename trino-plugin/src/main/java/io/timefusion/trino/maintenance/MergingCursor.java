package io.timefusion.trino.maintenance;

import io.airlift.slice.Slice;
import io.trino.spi.Page;

import java.io.IOException;
import java.util.List;
import java.util.PriorityQueue;

/** The rows of several sorted cursors in one sort order: a k-way merge holding one row of each. */
final class MergingCursor
        implements RowCursor
{
    private final List<RowCursor> inputs;
    private final PriorityQueue<RowCursor> queue = new PriorityQueue<>(RowCursor::compareTo);
    private RowCursor current;
    private boolean started;

    MergingCursor(List<RowCursor> inputs)
    {
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public boolean advance()
            throws IOException
    {
        if (!started) {
            started = true;
            for (RowCursor input : inputs) {
                if (input.advance()) {
                    queue.add(input);
                }
            }
        }
        else if (current != null && current.advance()) {
            queue.add(current);
        }
        current = queue.poll();
        return current != null;
    }

    @Override
    public Page page()
    {
        return current.page();
    }

    @Override
    public int position()
    {
        return current.position();
    }

    @Override
    public long epochMicros()
    {
        return current.epochMicros();
    }

    @Override
    public Slice id()
    {
        return current.id();
    }

    @Override
    public long rank()
    {
        return current.rank();
    }

    @Override
    public long writePosition()
    {
        return current.writePosition();
    }

    @Override
    public void close()
            throws IOException
    {
        IOException failure = null;
        for (RowCursor input : inputs) {
            try {
                input.close();
            }
            catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

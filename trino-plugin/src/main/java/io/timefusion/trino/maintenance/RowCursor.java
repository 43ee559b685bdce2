package io.timefusion.trino.maintenance;

import io.airlift.slice.Slice;
import io.trino.spi.Page;

import java.io.Closeable;
import java.io.IOException;

/** Rows of the {@link SortLayout} in sort order, one at a time: the current row is a position of a page. */
interface RowCursor
        extends Closeable
{
    /** Moves to the next row; false at the end. */
    boolean advance()
            throws IOException;

    Page page();

    int position();

    long epochMicros();

    /** The current row's id, or null for a row without one. */
    Slice id();

    long rank();

    long writePosition();

    /** Negative when this cursor's current row comes before the other's. */
    default int compareTo(RowCursor other)
    {
        return SortLayout.compare(epochMicros(), id(), rank(), writePosition(), other.epochMicros(), other.id(), other.rank(), other.writePosition());
    }

    @Override
    void close()
            throws IOException;
}

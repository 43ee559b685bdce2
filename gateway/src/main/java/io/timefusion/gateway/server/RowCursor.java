package io.timefusion.gateway.server;

import io.timefusion.gateway.trino.TrinoColumn;

import java.sql.SQLException;
import java.util.List;

/**
 * A result being streamed to the client, possibly in several Execute steps (portal suspension): it keeps the row
 * fetched ahead to learn whether more follow until that row is sent.
 */
final class RowCursor
        implements AutoCloseable
{
    private final RowSource rows;
    private Object[] pending;
    private boolean exhausted;
    private long sent;

    RowCursor(RowSource rows)
    {
        this.rows = rows;
    }

    List<TrinoColumn> columns()
    {
        return rows.columns();
    }

    /** The next unsent row's values; null at the end of the result. */
    Object[] next()
            throws SQLException
    {
        if (pending != null) {
            Object[] row = pending;
            pending = null;
            return row;
        }
        if (exhausted) {
            return null;
        }
        Object[] row = rows.nextRow();
        exhausted = row == null;
        return row;
    }

    /** Whether rows remain, fetching one ahead and keeping it for the next {@link #next()}. */
    boolean hasMore()
            throws SQLException
    {
        if (pending == null && !exhausted) {
            pending = rows.nextRow();
            exhausted = pending == null;
        }
        return pending != null;
    }

    void countSent()
    {
        sent++;
    }

    long sent()
    {
        return sent;
    }

    @Override
    public void close()
            throws SQLException
    {
        rows.close();
    }
}

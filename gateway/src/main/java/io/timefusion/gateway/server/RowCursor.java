package io.timefusion.gateway.server;

import io.timefusion.gateway.trino.TrinoExecution;

import java.sql.SQLException;

/**
 * A result being streamed to the client, possibly in several Execute steps (portal suspension): it remembers
 * whether the row under the cursor was already fetched but not yet sent.
 */
final class RowCursor
        implements AutoCloseable
{
    private final TrinoExecution.Rows rows;
    private boolean rowPending;
    private boolean exhausted;
    private long sent;

    RowCursor(TrinoExecution.Rows rows)
    {
        this.rows = rows;
    }

    TrinoExecution.Rows rows()
    {
        return rows;
    }

    /** Moves to the next unsent row; false at the end of the result. */
    boolean next()
            throws SQLException
    {
        if (rowPending) {
            rowPending = false;
            return true;
        }
        if (exhausted) {
            return false;
        }
        if (rows.resultSet().next()) {
            return true;
        }
        exhausted = true;
        return false;
    }

    /** Whether rows remain, fetching one ahead and keeping it for the next {@link #next()}. */
    boolean hasMore()
            throws SQLException
    {
        if (!rowPending && !exhausted) {
            rowPending = rows.resultSet().next();
            exhausted = !rowPending;
        }
        return rowPending;
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

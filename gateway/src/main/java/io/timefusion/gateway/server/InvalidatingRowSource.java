package io.timefusion.gateway.server;

import io.timefusion.gateway.trino.TrinoColumn;

import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a statement that may change data (EXPLAIN ANALYZE of a write, EXECUTE): the cached results it may
 * have made stale are dropped when its rows end, before the client's CommandComplete, and again when it is
 * closed, which also covers a statement that failed or was cancelled after its write.
 */
final class InvalidatingRowSource
        implements RowSource
{
    private final RowSource rows;
    private final Runnable invalidate;

    InvalidatingRowSource(RowSource rows, Runnable invalidate)
    {
        this.rows = rows;
        this.invalidate = invalidate;
    }

    @Override
    public List<TrinoColumn> columns()
    {
        return rows.columns();
    }

    @Override
    public Object[] nextRow()
            throws SQLException
    {
        Object[] row = rows.nextRow();
        if (row == null) {
            invalidate.run();
        }
        return row;
    }

    @Override
    public void close()
            throws SQLException
    {
        try {
            rows.close();
        }
        finally {
            invalidate.run();
        }
    }
}

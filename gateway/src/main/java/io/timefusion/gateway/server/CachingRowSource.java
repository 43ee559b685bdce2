package io.timefusion.gateway.server;

import io.timefusion.gateway.cache.ResultCollector;
import io.timefusion.gateway.trino.TrinoColumn;

import java.sql.SQLException;
import java.util.List;

/** Passes rows through and hands each to the cache's collector; a result read to its end is cached. */
final class CachingRowSource
        implements RowSource
{
    private final RowSource rows;
    private final ResultCollector collector;

    CachingRowSource(RowSource rows, ResultCollector collector)
    {
        this.rows = rows;
        this.collector = collector;
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
            collector.finish(rows.columns());
        }
        else {
            collector.add(row);
        }
        return row;
    }

    @Override
    public void close()
            throws SQLException
    {
        rows.close();
    }
}

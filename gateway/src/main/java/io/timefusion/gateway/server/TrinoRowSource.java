package io.timefusion.gateway.server;

import io.timefusion.gateway.trino.TrinoColumn;
import io.timefusion.gateway.trino.TrinoExecution;
import io.timefusion.gateway.trino.TrinoValues;

import java.sql.SQLException;
import java.util.List;

/** Rows streamed from a Trino result as the client reads them; closing before the end cancels the query. */
final class TrinoRowSource
        implements RowSource
{
    private final TrinoExecution.Rows rows;

    TrinoRowSource(TrinoExecution.Rows rows)
    {
        this.rows = rows;
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
        if (!rows.next()) {
            return null;
        }
        List<TrinoColumn> columns = rows.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = TrinoValues.read(rows.resultSet(), i + 1, columns.get(i).type());
        }
        return values;
    }

    @Override
    public void close()
            throws SQLException
    {
        rows.close();
    }
}

package io.timefusion.gateway.server;

import io.timefusion.gateway.trino.TrinoColumn;

import java.sql.SQLException;
import java.util.List;

/** Where a result's rows come from: Trino, or the query cache. Values are decoded, ready for any result format. */
interface RowSource
        extends AutoCloseable
{
    List<TrinoColumn> columns();

    /** The next row's values, or null after the last row. */
    Object[] nextRow()
            throws SQLException;

    @Override
    void close()
            throws SQLException;
}

package io.timefusion.gateway.server;

import java.sql.SQLException;

/** A bound statement ready to run: Trino SQL with the parameter values written in, and the result formats. */
final class Portal
        implements AutoCloseable
{
    private final PreparedStatementEntry statement;
    private final String boundSql;
    private final short[] resultFormats;
    private RowCursor cursor;
    private boolean completed;

    Portal(PreparedStatementEntry statement, String boundSql, short[] resultFormats)
    {
        this.statement = statement;
        this.boundSql = boundSql;
        this.resultFormats = resultFormats;
    }

    PreparedStatementEntry statement()
    {
        return statement;
    }

    String boundSql()
    {
        return boundSql;
    }

    short[] resultFormats()
    {
        return resultFormats;
    }

    RowCursor cursor()
    {
        return cursor;
    }

    void setCursor(RowCursor cursor)
    {
        this.cursor = cursor;
    }

    boolean completed()
    {
        return completed;
    }

    void complete()
            throws SQLException
    {
        completed = true;
        close();
    }

    @Override
    public void close()
            throws SQLException
    {
        if (cursor != null) {
            RowCursor open = cursor;
            cursor = null;
            open.close();
        }
    }
}

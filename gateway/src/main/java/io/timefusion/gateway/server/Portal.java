package io.timefusion.gateway.server;

import io.timefusion.gateway.ingest.RowBatch;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A bound statement ready to run: Trino SQL with the parameter values written in, or for an INSERT the gateway parsed
 * itself the rows it writes, and the result formats.
 */
final class Portal
        implements AutoCloseable
{
    private final PreparedStatementEntry statement;
    private final String boundSql;
    private final Optional<RowBatch> batch;
    private final short[] resultFormats;
    private RowCursor cursor;
    private boolean completed;

    Portal(PreparedStatementEntry statement, String boundSql, short[] resultFormats)
    {
        this(statement, boundSql, Optional.empty(), resultFormats);
    }

    Portal(PreparedStatementEntry statement, RowBatch batch, short[] resultFormats)
    {
        this(statement, statement.sql(), Optional.of(batch), resultFormats);
    }

    private Portal(PreparedStatementEntry statement, String boundSql, Optional<RowBatch> batch, short[] resultFormats)
    {
        this.statement = statement;
        this.boundSql = boundSql;
        this.batch = batch;
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

    Optional<RowBatch> batch()
    {
        return batch;
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

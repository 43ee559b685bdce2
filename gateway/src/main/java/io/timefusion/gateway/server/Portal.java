package io.timefusion.gateway.server;

import io.timefusion.gateway.sql.TranslatedStatement;

import java.sql.SQLException;

/** A bound statement ready to run, its result formats, and once it runs, the cursor over its rows. */
final class Portal
        implements AutoCloseable
{
    private final BoundStatement bound;
    private final short[] resultFormats;
    private RowCursor cursor;
    private boolean completed;

    Portal(BoundStatement bound, short[] resultFormats)
    {
        this.bound = bound;
        this.resultFormats = resultFormats;
    }

    BoundStatement bound()
    {
        return bound;
    }

    TranslatedStatement statement()
    {
        return bound.statement();
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

package io.timefusion.gateway.ingest;

import java.sql.SQLException;

/**
 * Rows the gateway refuses before they reach Trino (a value that is not valid for its column, a NULL in a NOT NULL
 * column, an unknown column), with the SQLSTATE Postgres reports for the same mistake.
 */
public final class IngestException
        extends SQLException
{
    public IngestException(String sqlState, String message)
    {
        super(message, sqlState);
    }

    public IngestException(String sqlState, String message, Throwable cause)
    {
        super(message, sqlState, cause);
    }

    /** 57P01 (admin_shutdown), as Postgres answers statements while it stops. */
    public static IngestException shuttingDown()
    {
        return new IngestException("57P01", "terminating statement because the gateway is shutting down");
    }

    /** 57014 (query_canceled): the session's wait was interrupted, because its client went away or cancelled. */
    public static IngestException canceled(InterruptedException interruption)
    {
        return new IngestException("57014", "canceling statement due to user request", interruption);
    }
}

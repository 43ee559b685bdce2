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
}

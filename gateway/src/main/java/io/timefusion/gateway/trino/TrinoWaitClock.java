package io.timefusion.gateway.trino;

import java.sql.SQLException;

/**
 * The time one session's thread spent inside Trino JDBC calls (starting a statement, fetching its rows, describing
 * it): subtracted from a statement's duration it leaves what the gateway itself spent on the statement. Read and
 * written by the session's thread only.
 */
public final class TrinoWaitClock
{
    private long nanos;

    interface TrinoCall<T>
    {
        T call()
                throws SQLException;
    }

    <T> T time(TrinoCall<T> call)
            throws SQLException
    {
        long started = System.nanoTime();
        try {
            return call.call();
        }
        finally {
            nanos += System.nanoTime() - started;
        }
    }

    /** The total so far; a statement's share is the difference of two readings. */
    public long nanos()
    {
        return nanos;
    }
}

package io.timefusion.gateway.ingest;

import java.sql.SQLException;

/**
 * Where the rows of a client's INSERT or COPY go once parsed, as the ingest settings choose: written to Delta by the
 * statement itself (direct mode, concurrent statements sharing a write), through the batch queue (answered after
 * the Delta commit of their batch), or into the write buffer (answered once fsynced to its write-ahead log, visible
 * to every query at once, flushed to Delta in the background).
 */
public interface IngestPath
{
    /**
     * Makes the rows durable and visible to every later query, or fails with none of them stored.
     *
     * @return the number of rows
     * @throws SQLException with the SQLSTATE the client should see
     */
    long write(RowBatch rows)
            throws SQLException;

    /**
     * Returns once every row of the table acknowledged so far is committed to Delta, which an UPDATE or DELETE needs
     * before it runs. Paths that acknowledge only after the commit (direct, batch queue) have nothing to wait for.
     *
     * @throws SQLException with the SQLSTATE the client should see when the rows could not be flushed in time
     */
    default void flushAcknowledged(String table)
            throws SQLException
    {
    }
}

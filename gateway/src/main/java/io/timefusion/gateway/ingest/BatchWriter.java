package io.timefusion.gateway.ingest;

import java.sql.SQLException;
import java.util.Optional;

/** Makes a batch of rows durable: when {@link #write} returns, its rows are committed to the Delta tables. */
public interface BatchWriter
{
    /**
     * Writes all rows of the batch in one commit per Delta table touched, or none of them.
     *
     * @param txn when present, a table that already committed this txn (or a later version of its appId) is
     * not written again, so replaying a batch never duplicates rows
     * @return the number of rows of the batch, now durable
     * @throws SQLException with the SQLSTATE the client should see (e.g. 23502 for a NULL id, 08006 when Trino is
     * unreachable); nothing of the batch is visible then
     */
    long write(RowBatch batch, Optional<BatchTxn> txn)
            throws SQLException;
}

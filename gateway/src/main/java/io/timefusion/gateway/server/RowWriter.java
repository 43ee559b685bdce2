package io.timefusion.gateway.server;

import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.sql.TranslatedStatement.Writes;

import java.sql.SQLException;

/**
 * Writes rows the gateway parsed (INSERT, COPY) through the ingest path the settings chose (direct, batch queue or
 * write buffer). The rows are visible to every query when it returns, so cached readers of the table are
 * invalidated then, before the outcome, or the failure, is returned: a write that failed may still have been stored.
 */
final class RowWriter
{
    private final IngestPath ingestPath;
    private final QueryResultCache cache;
    private final QueryMetrics metrics;

    RowWriter(IngestPath ingestPath, QueryResultCache cache, QueryMetrics metrics)
    {
        this.ingestPath = ingestPath;
        this.cache = cache;
        this.metrics = metrics;
    }

    long insertRows(RowBatch rows)
            throws SQLException
    {
        try {
            long written = ingestPath.write(rows);
            metrics.recordRowsInserted(written);
            return written;
        }
        finally {
            cache.invalidate(new Writes.Table(rows.table()));
        }
    }
}

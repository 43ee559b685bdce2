package io.timefusion.bench;

/**
 * What one statement cost: wall time seen by the client (sending the statement until the last result page) and the
 * coordinator's own accounting from the final Trino JDBC progress report.
 *
 * @param updateCount rows an INSERT reported, -1 for a query
 * @param queryId the statement's Trino query id
 * @param processedRows rows the leaf stages took from the connector (after its pruning and row filter)
 * @param processedBytes the bytes those rows took as the connector read them
 * @param peakMemoryBytes the most memory the query held at once, as the coordinator reports it
 */
record QueryOutcome(String queryId, long wallNanos, long updateCount, long planningMillis, long cpuMillis, long processedRows, long processedBytes, long peakMemoryBytes)
{
    double wallMillis()
    {
        return wallNanos / 1e6;
    }
}

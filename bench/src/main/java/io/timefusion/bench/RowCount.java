package io.timefusion.bench;

/** Which rows a scenario's rate counts. */
@FunctionalInterface
interface RowCount
{
    /** Rows an INSERT reported written. */
    RowCount WRITTEN = QueryOutcome::updateCount;

    /** Rows the connector handed to the engine: what pruning left to read, not what the filter kept. */
    RowCount READ = QueryOutcome::processedRows;

    long of(QueryOutcome outcome);

    /** A known number, for a query whose rows the engine generates rather than reads from a table. */
    static RowCount fixed(long rows)
    {
        return _ -> rows;
    }
}

package io.timefusion.bench;

import java.util.function.ToLongFunction;

/** Which rows a scenario's rate counts. */
enum RowCount
{
    /** Rows an INSERT reported written. */
    WRITTEN(QueryOutcome::updateCount),
    /** Rows the connector handed to the engine: what pruning left to read, not what the filter kept. */
    READ(QueryOutcome::processedRows);

    private final ToLongFunction<QueryOutcome> rows;

    RowCount(ToLongFunction<QueryOutcome> rows)
    {
        this.rows = rows;
    }

    long of(QueryOutcome outcome)
    {
        return rows.applyAsLong(outcome);
    }
}

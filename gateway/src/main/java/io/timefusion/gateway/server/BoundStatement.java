package io.timefusion.gateway.server;

import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.sql.TranslatedStatement;

import java.util.Optional;

/**
 * A statement with its parameter values: the Trino SQL with the values written in as literals, or for an INSERT the
 * gateway writes itself the rows it writes.
 */
record BoundStatement(TranslatedStatement statement, String trinoSql, Optional<RowBatch> rows)
{
    static BoundStatement sql(TranslatedStatement statement, String trinoSql)
    {
        return new BoundStatement(statement, trinoSql, Optional.empty());
    }

    static BoundStatement rows(TranslatedStatement statement, RowBatch rows)
    {
        return new BoundStatement(statement, "", Optional.of(rows));
    }
}

package io.timefusion.gateway.server;

import io.timefusion.gateway.ingest.IngestInsert;
import io.timefusion.gateway.sql.StatementKind;

import java.util.Optional;

/**
 * A parsed statement: the client's SQL, its Trino translation with {@code $n} placeholders still in it, and the
 * parameter types the client declared (0 = infer). An INSERT the gateway turns into rows itself carries its parsed
 * form in {@code ingest}; its {@code trinoSql} is then never run.
 */
record PreparedStatementEntry(String sql, String trinoSql, StatementKind kind, int[] declaredTypeOids, int parameterCount, Optional<IngestInsert> ingest)
{
    int declaredTypeOid(int index)
    {
        return index < declaredTypeOids.length ? declaredTypeOids[index] : 0;
    }
}

package io.timefusion.gateway.server;

import io.timefusion.gateway.sql.StatementKind;

/**
 * A parsed statement: the client's SQL, its Trino translation with {@code $n} placeholders still in it, and the
 * parameter types the client declared (0 = infer).
 */
record PreparedStatementEntry(String sql, String trinoSql, StatementKind kind, int[] declaredTypeOids, int parameterCount)
{
    int declaredTypeOid(int index)
    {
        return index < declaredTypeOids.length ? declaredTypeOids[index] : 0;
    }
}

package io.timefusion.gateway.server;

import io.timefusion.gateway.sql.TranslatedStatement;

/**
 * A parsed statement of the extended protocol: its translation, with {@code $n} placeholders still in it, and the
 * parameter types the client declared (0 = infer).
 */
record PreparedStatementEntry(TranslatedStatement statement, int[] declaredTypeOids, int parameterCount)
{
    int declaredTypeOid(int index)
    {
        return index < declaredTypeOids.length ? declaredTypeOids[index] : 0;
    }
}

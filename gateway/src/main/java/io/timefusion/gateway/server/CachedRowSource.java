package io.timefusion.gateway.server;

import io.timefusion.gateway.cache.CachedResult;
import io.timefusion.gateway.trino.TrinoColumn;

import java.util.List;

/** Replays a cached result; Trino is not asked. */
final class CachedRowSource
        implements RowSource
{
    private final CachedResult result;
    private int next;

    CachedRowSource(CachedResult result)
    {
        this.result = result;
    }

    @Override
    public List<TrinoColumn> columns()
    {
        return result.columns();
    }

    @Override
    public Object[] nextRow()
    {
        return next < result.rows().size() ? result.rows().get(next++) : null;
    }

    @Override
    public void close() {}
}

package io.timefusion.gateway.cache;

import io.timefusion.gateway.trino.TrinoColumn;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A complete query result kept decoded (the Java values TrinoValues reads), so that a hit can be sent in whatever
 * text or binary formats the next client asks for. Rows and their values are never changed once cached.
 *
 * @param sizeBytes the estimated heap the result holds
 * @param executionNanos how long Trino took to produce it, start to last row
 */
public record CachedResult(List<TrinoColumn> columns, List<Object[]> rows, long sizeBytes, long executionNanos)
{
    public CachedResult
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rows, "rows is null");
    }
}

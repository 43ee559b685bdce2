package io.timefusion.gateway.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.timefusion.gateway.trino.TrinoColumn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Keeps the rows of a result as they stream to the client, and caches them when the result ends. Once the rows
 * pass the size limit it lets go of them and keeps nothing more: the result is still streamed in full, but never
 * held in memory just to be cached.
 */
public final class ResultCollector
{
    private final QueryResultCache cache;
    private final QueryKey key;
    private final Set<String> tablesRead;
    private final long writeSequenceAtStart;
    private final Ticker ticker;
    private final long startedNanos;
    private final long limitBytes;
    private List<Object[]> rows = new ArrayList<>();
    private long sizeBytes;

    ResultCollector(QueryResultCache cache, QueryKey key, Set<String> tablesRead, long writeSequenceAtStart, Ticker ticker, long limitBytes)
    {
        this.cache = cache;
        this.key = key;
        this.tablesRead = tablesRead;
        this.writeSequenceAtStart = writeSequenceAtStart;
        this.ticker = ticker;
        this.startedNanos = ticker.read();
        this.limitBytes = limitBytes;
        this.sizeBytes = ResultSize.ofValue(key.sql());
    }

    /** A row as sent to the client; the collector keeps the array, which must not change afterwards. */
    public void add(Object[] row)
    {
        if (rows == null) {
            return;
        }
        sizeBytes += ResultSize.ofRow(row);
        if (sizeBytes > limitBytes) {
            rows = null;
            return;
        }
        rows.add(row);
    }

    /** The result ended after its last row: cache it, unless it grew too large or a write made it stale meanwhile. */
    public void finish(List<TrinoColumn> columns)
    {
        if (rows == null) {
            return;
        }
        cache.store(key, tablesRead, new CachedResult(columns, Collections.unmodifiableList(rows), sizeBytes, ticker.read() - startedNanos), writeSequenceAtStart);
        rows = null;
    }
}

package io.timefusion.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.sql.TranslatedStatement.Writes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Results of read queries, kept for QUERY_CACHE_TTL_SECONDS and never stale after writes made through this
 * gateway: every write invalidates the results that may read what it wrote before the client hears that the write
 * is done. A query that was running while such a write happened does not store its (possibly older) result.
 * Writes that bypass the gateway (Trino CLI, another gateway) show only once the TTL has passed.
 */
public class QueryResultCache
{
    private static final long MEGABYTE = 1024 * 1024;

    private final boolean enabled;
    private final long maxResultBytes;
    private final Ticker ticker;
    private final Cache<QueryKey, Entry> cache;

    // writes are numbered; a result remembers the number current when its query started
    private final AtomicLong writeSequence = new AtomicLong();
    private final Map<String, Long> lastWriteByTable = new ConcurrentHashMap<>();
    private volatile long lastWriteToAll;

    @Inject
    public QueryResultCache(GatewayConfig config, Ticker ticker)
    {
        this(config.isQueryCacheEnabled(), config.getQueryCacheMaxEntries(), Duration.ofSeconds(config.getQueryCacheTtlSeconds()),
                config.getQueryCacheMaxSizeMb() * MEGABYTE, ticker);
    }

    public QueryResultCache(boolean enabled, long maxEntries, Duration ttl, long maxResultBytes, Ticker ticker)
    {
        this.enabled = enabled;
        this.maxResultBytes = maxResultBytes;
        this.ticker = requireNonNull(ticker, "ticker is null");
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                // evictions happen on the calling thread, so they are counted by the time a request returns
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    public boolean enabled()
    {
        return enabled;
    }

    /** The cached result of a query, counted as a hit or a miss. */
    public Optional<CachedResult> lookup(QueryKey key)
    {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache.getIfPresent(key)).map(Entry::result);
    }

    /**
     * Call before the query starts on Trino: writes from then on keep its result out of the cache.
     *
     * @param tablesRead the tables the query reads (lower case, without catalog and schema): a write to one of them drops its result
     */
    public ResultCollector startCollecting(QueryKey key, Set<String> tablesRead)
    {
        return new ResultCollector(this, key, Set.copyOf(tablesRead), writeSequence.get(), ticker, maxResultBytes);
    }

    void store(QueryKey key, Set<String> tablesRead, CachedResult result, long writeSequenceAtStart)
    {
        if (!enabled) {
            return;
        }
        Entry entry = new Entry(result, tablesRead);
        if (writtenSince(entry, writeSequenceAtStart)) {
            return;
        }
        cache.put(key, entry);
        // a write that numbered itself after the check above but scanned the cache before the put
        if (writtenSince(entry, writeSequenceAtStart)) {
            cache.asMap().remove(key, entry);
        }
    }

    private boolean writtenSince(Entry entry, long writeSequenceAtStart)
    {
        if (lastWriteToAll > writeSequenceAtStart) {
            return true;
        }
        for (String table : entry.tablesRead()) {
            if (lastWriteByTable.getOrDefault(table, 0L) > writeSequenceAtStart) {
                return true;
            }
        }
        return false;
    }

    /** Drops the results a statement that wrote this may have made stale; call after it ran and before the client is told. */
    public void invalidate(Writes writes)
    {
        switch (writes) {
            case Writes.Nothing _ -> {}
            case Writes.Table(String table) -> {
                lastWriteByTable.merge(table, writeSequence.incrementAndGet(), Math::max);
                cache.asMap().values().removeIf(entry -> entry.tablesRead().contains(table));
            }
            case Writes.Unknown _ -> {
                lastWriteToAll = writeSequence.incrementAndGet();
                cache.invalidateAll();
            }
        }
    }

    public QueryCacheStats stats()
    {
        cache.cleanUp();
        CacheStats stats = cache.stats();
        long entries = 0;
        long sizeBytes = 0;
        long executionNanos = 0;
        for (Entry entry : cache.asMap().values()) {
            entries++;
            sizeBytes += entry.result().sizeBytes();
            executionNanos += entry.result().executionNanos();
        }
        double hitRate = stats.requestCount() == 0 ? 0 : (double) stats.hitCount() / stats.requestCount();
        double averageExecutionMillis = entries == 0 ? 0 : executionNanos / 1e6 / entries;
        return new QueryCacheStats(enabled, stats.hitCount(), stats.missCount(), stats.evictionCount(), entries, sizeBytes, hitRate, averageExecutionMillis);
    }

    private record Entry(CachedResult result, Set<String> tablesRead) {}
}

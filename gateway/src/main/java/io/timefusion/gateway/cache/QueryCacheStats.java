package io.timefusion.gateway.cache;

/**
 * The cache's figures at one moment. Evictions are results dropped for space or age, not those invalidated by
 * writes; the execution time is the average Trino took for the results cached now.
 *
 * @param hitRate hits over lookups, 0 to 1 (0 before the first lookup)
 */
public record QueryCacheStats(boolean enabled, long hits, long misses, long evictions, long entries, long sizeBytes, double hitRate, double averageExecutionMillis) {}

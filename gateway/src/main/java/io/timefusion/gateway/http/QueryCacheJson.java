package io.timefusion.gateway.http;

import io.timefusion.gateway.cache.QueryCacheStats;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code query_cache} object of /metrics and /status, with the field names of the original TimeFusion. */
final class QueryCacheJson
{
    private static final double MEGABYTE = 1024 * 1024;

    private QueryCacheJson() {}

    static Map<String, Object> of(QueryCacheStats stats)
    {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hits", stats.hits());
        json.put("misses", stats.misses());
        json.put("evictions", stats.evictions());
        json.put("total_entries", stats.entries());
        json.put("total_size_mb", stats.sizeBytes() / MEGABYTE);
        json.put("hit_rate", stats.hitRate());
        json.put("average_execution_time_ms", stats.averageExecutionMillis());
        return json;
    }
}

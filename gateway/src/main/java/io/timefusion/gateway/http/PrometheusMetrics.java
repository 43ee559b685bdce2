package io.timefusion.gateway.http;

import com.google.common.collect.ImmutableMap;
import io.timefusion.gateway.cache.QueryCacheStats;
import io.timefusion.gateway.metrics.PrometheusText;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.server.ConnectionLimiter;
import io.timefusion.gateway.sql.StatementKind;

import java.util.Locale;
import java.util.Map;

/** The gateway's figures as Prometheus metrics, all named {@code timefusion_…}. */
final class PrometheusMetrics
{
    private PrometheusMetrics() {}

    static String render(QueryCacheStats cache, QueryMetrics queries, ConnectionLimiter connections)
    {
        PrometheusText text = new PrometheusText();
        text.family("timefusion_query_cache_hits_total", "counter", "Queries answered from the result cache")
                .sample("timefusion_query_cache_hits_total", cache.hits());
        text.family("timefusion_query_cache_misses_total", "counter", "Cacheable queries that had to run on Trino")
                .sample("timefusion_query_cache_misses_total", cache.misses());
        text.family("timefusion_query_cache_evictions_total", "counter", "Cached results dropped for space or age (not those invalidated by writes)")
                .sample("timefusion_query_cache_evictions_total", cache.evictions());
        text.family("timefusion_query_cache_entries", "gauge", "Results in the cache")
                .sample("timefusion_query_cache_entries", cache.entries());
        text.family("timefusion_query_cache_bytes", "gauge", "Estimated heap held by cached results")
                .sample("timefusion_query_cache_bytes", cache.sizeBytes());
        text.family("timefusion_query_cache_hit_ratio", "gauge", "Hits over cache lookups since start")
                .sample("timefusion_query_cache_hit_ratio", cache.hitRate());

        text.family("timefusion_queries_total", "counter", "Statements run, by kind and outcome");
        for (StatementKind kind : StatementKind.values()) {
            for (QueryMetrics.Outcome outcome : QueryMetrics.Outcome.values()) {
                Map<String, String> labels = ImmutableMap.of("kind", kind.name().toLowerCase(Locale.ROOT), "outcome", outcome.name().toLowerCase(Locale.ROOT));
                text.sample("timefusion_queries_total", labels, queries.statements(kind, outcome));
            }
        }
        text.histogram("timefusion_query_duration_seconds", "Time to answer a statement (each Execute of the extended protocol)", queries.latency());
        text.family("timefusion_rows_inserted_total", "counter", "Rows written by INSERT statements")
                .sample("timefusion_rows_inserted_total", queries.rowsInserted());

        text.family("timefusion_pgwire_connections_open", "gauge", "Postgres sessions open now")
                .sample("timefusion_pgwire_connections_open", connections.open());
        text.family("timefusion_pgwire_connections_max", "gauge", "Postgres sessions allowed at once (MAX_PG_CONNECTIONS)")
                .sample("timefusion_pgwire_connections_max", connections.maximum());
        text.family("timefusion_pgwire_connections_rejected_total", "counter", "Postgres connections refused for being over the limit")
                .sample("timefusion_pgwire_connections_rejected_total", connections.rejected());

        text.family("timefusion_trino_errors_total", "counter", "Statements that failed on Trino, by SQLSTATE class");
        queries.trinoErrorsByClass().forEach((sqlStateClass, count) -> text.sample("timefusion_trino_errors_total", Map.of("sqlstate_class", sqlStateClass), count));
        return text.toString();
    }
}

package io.timefusion.gateway.http;

import com.google.common.collect.ImmutableMap;
import io.timefusion.gateway.cache.QueryCacheStats;
import io.timefusion.gateway.ingest.buffer.BufferStatus;
import io.timefusion.gateway.maintenance.MaintenanceStatus;
import io.timefusion.gateway.metrics.PrometheusText;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.server.ConnectionLimiter;
import io.timefusion.gateway.sql.StatementKind;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The gateway's figures as Prometheus metrics, all named {@code timefusion_…}. */
final class PrometheusMetrics
{
    private PrometheusMetrics() {}

    static String render(QueryCacheStats cache, QueryMetrics queries, ConnectionLimiter connections, Optional<BufferStatus> buffer, MaintenanceStatus maintenance)
    {
        PrometheusText text = new PrometheusText();
        text.metric("timefusion_query_cache_hits_total", "counter", "Queries answered from the result cache", cache.hits());
        text.metric("timefusion_query_cache_misses_total", "counter", "Cacheable queries that had to run on Trino", cache.misses());
        text.metric("timefusion_query_cache_evictions_total", "counter", "Cached results dropped for space or age (not those invalidated by writes)", cache.evictions());
        text.metric("timefusion_query_cache_entries", "gauge", "Results in the cache", cache.entries());
        text.metric("timefusion_query_cache_bytes", "gauge", "Estimated heap held by cached results", cache.sizeBytes());
        text.metric("timefusion_query_cache_hit_ratio", "gauge", "Hits over cache lookups since start", cache.hitRate());

        text.family("timefusion_queries_total", "counter", "Statements run, by kind and outcome");
        for (StatementKind kind : StatementKind.values()) {
            for (QueryMetrics.Outcome outcome : QueryMetrics.Outcome.values()) {
                Map<String, String> labels = ImmutableMap.of("kind", kind.name().toLowerCase(Locale.ROOT), "outcome", outcome.name().toLowerCase(Locale.ROOT));
                text.sample("timefusion_queries_total", labels, queries.statements(kind, outcome));
            }
        }
        text.histogram("timefusion_query_duration_seconds", "Time to answer a statement (each Execute of the extended protocol)", queries.latency());
        text.histogram("timefusion_query_gateway_seconds", "Time a statement that went to Trino spent in the gateway, not waiting on Trino", queries.gatewayShare());
        text.metric("timefusion_rows_inserted_total", "counter", "Rows written by INSERT statements", queries.rowsInserted());
        text.metric("timefusion_row_change_retries_total", "counter", "UPDATE and DELETE statements run again after another change of the same files committed first", queries.rowChangeRetries());

        text.metric("timefusion_pgwire_connections_open", "gauge", "Postgres sessions open now", connections.open());
        text.metric("timefusion_pgwire_connections_max", "gauge", "Postgres sessions allowed at once (MAX_PG_CONNECTIONS)", connections.maximum());
        text.metric("timefusion_pgwire_connections_rejected_total", "counter", "Postgres connections refused for being over the limit", connections.rejected());

        text.family("timefusion_trino_errors_total", "counter", "Statements that failed on Trino, by SQLSTATE class");
        queries.trinoErrorsByClass().forEach((sqlStateClass, count) -> text.sample("timefusion_trino_errors_total", Map.of("sqlstate_class", sqlStateClass), count));
        buffer.ifPresent(status -> writeBuffer(text, status));
        maintenance(text, maintenance);
        return text.toString();
    }

    private static void maintenance(PrometheusText text, MaintenanceStatus status)
    {
        status.partitions().ifPresent(partitions -> {
            text.metric("timefusion_partitions", "gauge", "(project_id, date) partitions with data files, at maintenance's last look", partitions.partitions());
            text.metric("timefusion_partition_files", "gauge", "Data files of all partitions, at maintenance's last look", partitions.files());
            text.metric("timefusion_partition_files_max", "gauge", "Data files of the partition with the most, at maintenance's last look", partitions.maxFilesPerPartition());
        });
        text.metric("timefusion_maintenance_running", "gauge", "1 while a maintenance statement runs", status.current().isPresent() ? 1 : 0);
        status.lastCycleSeconds().ifPresent(seconds -> text.metric("timefusion_maintenance_cycle_seconds", "gauge",
                "The last maintenance cycle: MAINTENANCE_INTERVAL plus the statements it ran; a partition gains at most the files flushed in two", seconds));
        text.metric("timefusion_optimize_runs_total", "counter", "Partitions OPTIMIZE was run on", status.optimizeRuns());
        text.metric("timefusion_optimize_files_rewritten_total", "counter", "Data files OPTIMIZE replaced", status.filesRewritten());
        text.metric("timefusion_optimize_files_written_total", "counter", "Data files OPTIMIZE wrote", status.filesWritten());
        text.metric("timefusion_optimize_bytes_rewritten_total", "counter", "Bytes of the data files OPTIMIZE replaced", status.bytesRewritten());
        text.metric("timefusion_optimize_bytes_written_total", "counter", "Bytes of the data files OPTIMIZE wrote", status.bytesWritten());
        text.metric("timefusion_optimize_duplicates_removed_total", "counter", "Rows OPTIMIZE dropped as older writes of the same project_id, timestamp and id", status.duplicatesRemoved());
        text.metric("timefusion_vacuum_runs_total", "counter", "VACUUM runs", status.vacuumRuns());
        text.metric("timefusion_vacuum_files_deleted_total", "counter", "Data files VACUUM deleted", status.filesVacuumed());
        text.metric("timefusion_vacuum_bytes_deleted_total", "counter", "Bytes of the data files VACUUM deleted", status.bytesVacuumed());
        text.metric("timefusion_log_cleanup_runs_total", "counter", "Delta log cleanups", status.logCleanupRuns());
        text.metric("timefusion_log_cleanup_files_deleted_total", "counter", "Commits and checkpoints log cleanup deleted", status.logFilesDeleted());
        text.metric("timefusion_maintenance_failures_total", "counter", "Maintenance statements that failed (each is tried again later)", status.failures());
        status.lastOptimize().ifPresent(run -> text.metric("timefusion_optimize_last_run_timestamp_seconds", "gauge", "When the last OPTIMIZE ended", run.finishedAt().getEpochSecond()));
        status.lastVacuum().ifPresent(run -> text.metric("timefusion_vacuum_last_run_timestamp_seconds", "gauge", "When the last VACUUM ended", run.finishedAt().getEpochSecond()));
        status.lastLogCleanup().ifPresent(run -> text.metric("timefusion_log_cleanup_last_run_timestamp_seconds", "gauge", "When the last log cleanup ended", run.finishedAt().getEpochSecond()));
    }

    private static void writeBuffer(PrometheusText text, BufferStatus status)
    {
        text.metric("timefusion_buffer_rows", "gauge", "Rows in the write buffer: not yet flushed to Delta, or flushed and in their grace period", status.heldRows());
        text.metric("timefusion_buffer_bytes", "gauge", "Estimated heap held by the write buffer", status.heldBytes());
        text.metric("timefusion_buffer_max_bytes", "gauge", "Heap the write buffer may hold (BUFFER_MAX_SIZE_MB)", status.maxBytes());
        text.metric("timefusion_buffer_unflushed_rows", "gauge", "Acknowledged rows not yet flushed to Delta", status.unflushedRows());
        text.metric("timefusion_buffer_unflushed_bytes", "gauge", "Estimated heap of the rows not yet flushed", status.unflushedBytes());
        text.metric("timefusion_buffer_oldest_unflushed_seconds", "gauge", "Age of the oldest row not yet flushed to Delta (0 when none)", status.oldestUnflushedSeconds().orElse(0.0));
        text.metric("timefusion_wal_bytes", "gauge", "Size of the write-ahead log's segments on disk", status.walBytes());
        text.metric("timefusion_wal_fsyncs_total", "counter", "Fsyncs of the write-ahead log for acknowledged statements (group commits)", status.walFsyncs());
        text.metric("timefusion_wal_statements_total", "counter", "Statements appended to the write-ahead log", status.walStatements());
        text.metric("timefusion_buffer_flushes_total", "counter", "Flushes of the write buffer committed to Delta", status.flushes().flushes());
        text.metric("timefusion_buffer_flushed_rows_total", "counter", "Rows the flushes committed to Delta", status.flushes().rows());
        text.metric("timefusion_buffer_flush_duplicates_dropped_total", "counter", "Rows a flush left out because a later row of the same flush had the same project_id, timestamp and id", status.flushes().duplicates());
        text.metric("timefusion_buffer_flush_failures_total", "counter", "Failed flush attempts (each is retried)", status.flushes().failures());
        text.metric("timefusion_buffer_flush_failing", "gauge", "1 while the latest flush attempt failed", status.flushes().failing() ? 1 : 0);
        text.histogram("timefusion_buffer_flush_duration_seconds", "Time from the start of a flush to its Delta commit, retries included", status.flushes().latency());
    }
}

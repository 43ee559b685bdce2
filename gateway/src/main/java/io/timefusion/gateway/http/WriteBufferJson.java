package io.timefusion.gateway.http;

import io.timefusion.gateway.ingest.buffer.BufferStatus;
import io.timefusion.gateway.ingest.buffer.FlushMetrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code write_buffer} object of /health, /status and /metrics: what is buffered, the log, and how flushes go. */
final class WriteBufferJson
{
    private WriteBufferJson() {}

    static Map<String, Object> of(BufferStatus status)
    {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", status.heldRows());
        json.put("bytes", status.heldBytes());
        json.put("max_bytes", status.maxBytes());
        json.put("unflushed_rows", status.unflushedRows());
        json.put("unflushed_bytes", status.unflushedBytes());
        json.put("oldest_unflushed_seconds", status.oldestUnflushedSeconds().orElse(null));
        json.put("wal_bytes", status.walBytes());
        json.put("wal_fsyncs", status.walFsyncs());
        json.put("wal_statements", status.walStatements());
        FlushMetrics flushes = status.flushes();
        Map<String, Object> flush = new LinkedHashMap<>();
        flush.put("count", flushes.flushes());
        flush.put("rows", flushes.rows());
        flush.put("duplicates_dropped", flushes.duplicates());
        flush.put("average_ms", flushes.flushes() == 0 ? 0 : flushes.latency().sumSeconds() * 1000 / flushes.latency().count());
        flush.put("failures", flushes.failures());
        // true while the latest attempt failed: acknowledged rows wait in the buffer and the log, and are retried
        flush.put("failing", flushes.failing());
        flushes.lastFailure().ifPresent(failure -> {
            flush.put("last_failure_at", failure.at().toString());
            flush.put("last_failure", failure.message());
        });
        json.put("flushes", flush);
        return json;
    }
}

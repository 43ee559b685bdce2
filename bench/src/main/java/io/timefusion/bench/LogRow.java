package io.timefusion.bench;

import java.time.Instant;
import java.util.List;

/**
 * One log record as an OpenTelemetry SDK would send it: the promoted columns plus the JSON documents they came
 * from. JSON columns hold JSON text; {@code parentId} is null for root spans.
 */
record LogRow(
        Instant timestamp,
        Instant observedTimestamp,
        String id,
        String parentId,
        List<String> hashes,
        String name,
        String kind,
        String statusCode,
        String level,
        String severityText,
        int severityNumber,
        String body,
        long durationNanos,
        String traceId,
        String spanId,
        String attributes,
        String httpMethod,
        int httpStatus,
        String urlPath,
        String resource,
        String serviceName,
        String projectId) {}

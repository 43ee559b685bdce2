package io.timefusion.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Deterministic HTTP-server log rows spread over {@link Workload#PROJECTS} and the two days starting at
 * {@link Workload#START}. Seeded, so every run of the benchmark inserts the same data.
 */
final class LogRowGenerator
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final long SPAN_MICROS = Workload.DAYS * Duration.ofDays(1).toNanos() / 1000;

    private final Random random = new Random(20251125);

    List<LogRow> next(int count)
    {
        List<LogRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(next());
        }
        return rows;
    }

    private LogRow next()
    {
        Instant timestamp = Workload.START.plusNanos(random.nextLong(SPAN_MICROS) * 1000);
        String project = Workload.PROJECTS.get(random.nextInt(Workload.PROJECTS.size()));
        String service = Workload.SERVICES.get(random.nextInt(Workload.SERVICES.size()));
        String method = Workload.METHODS.get(random.nextInt(Workload.METHODS.size()));
        int status = Workload.HTTP_STATUSES.get(random.nextInt(Workload.HTTP_STATUSES.size()));
        String level = Workload.level(status, random.nextInt(20) == 0);
        String path = "/api/v1/items/" + random.nextInt(10_000);
        long durationNanos = (long) (-Math.log(1 - random.nextDouble()) * 20_000_000);
        String traceId = hex(16);
        String spanId = hex(8);
        boolean root = random.nextInt(4) == 0;
        return new LogRow(
                timestamp,
                timestamp.plusMillis(2),
                hex(16),
                root ? null : hex(8),
                List.of("trace:" + traceId),
                method + " /api/v1/items/{id}",
                "SERVER",
                status >= 500 ? "ERROR" : "OK",
                level,
                level,
                Workload.severityNumber(level),
                body(method, path, status, durationNanos),
                durationNanos,
                traceId,
                spanId,
                attributes(method, path, status),
                method,
                status,
                path,
                resource(service),
                service,
                project);
    }

    private String hex(int bytes)
    {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HEX.formatHex(value);
    }

    private static String body(String method, String path, int status, long durationNanos)
    {
        ObjectNode body = JSON.createObjectNode()
                .put("message", "%s %s -> %d in %d ms".formatted(method, path, status, durationNanos / 1_000_000))
                .put("logger", "http.server");
        return body.toString();
    }

    private static String attributes(String method, String path, int status)
    {
        ObjectNode attributes = JSON.createObjectNode()
                .put("http.request.method", method)
                .put("http.route", "/api/v1/items/{id}")
                .put("http.response.status_code", status)
                .put("url.path", path)
                .put("user_agent.original", Workload.USER_AGENT);
        return attributes.toString();
    }

    private static String resource(String service)
    {
        ObjectNode resource = JSON.createObjectNode()
                .put("service.name", service)
                .put("service.version", Workload.SERVICE_VERSION)
                .put("deployment.environment.name", "prod")
                .put("telemetry.sdk.language", "java");
        return resource.toString();
    }
}

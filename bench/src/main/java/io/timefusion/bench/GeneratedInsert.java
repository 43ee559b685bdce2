package io.timefusion.bench;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code INSERT … SELECT} of rows generated inside Trino, shaped like {@link LogRowGenerator}'s: no SQL text per row,
 * so the time is the engine generating rows plus the connector's page sink, Parquet writer and Delta commit.
 * {@link #checksumQuery()} evaluates the same rows without writing them, which tells the two shares apart.
 */
final class GeneratedInsert
{
    // n numbers 0…999,999 from tpch.tiny.part (partkey 1…2,000) × 500: the tpch splits let both cores generate,
    // where a cross join of two sequences is a single split that one thread would compute alone
    private static final int PARTS = 2_000;
    private static final int PER_PART = 500;
    static final long ROWS = (long) PARTS * PER_PART;

    private GeneratedInsert() {}

    static String statement(String table)
    {
        return "INSERT INTO " + table + " " + LogColumns.columnList() + "\n" + select();
    }

    /** Every generated value goes into the checksum, so the optimizer cannot skip computing any column. */
    static String checksumQuery()
    {
        String columns = LogColumns.ALL.stream().map(LogColumns.Column::identifier).collect(Collectors.joining(", "));
        return "SELECT count(*), checksum(ROW(" + columns + ")) FROM (\n" + select() + ") AS g" + LogColumns.columnList();
    }

    private static String select()
    {
        long startNanos = Workload.START.getEpochSecond() * 1_000_000_000L;
        long stepNanos = Duration.ofDays(Workload.DAYS).toNanos() / ROWS;
        return """
                SELECT ts, ts + INTERVAL '0.002' SECOND, id, CASE WHEN n %% 4 = 0 THEN NULL ELSE parent_span_id END, ARRAY['trace:' || trace_id],
                       method || ' /api/v1/items/{id}', 'SERVER', CASE WHEN status >= 500 THEN 'ERROR' ELSE 'OK' END, level, level,
                       CASE level WHEN 'DEBUG' THEN 5 WHEN 'INFO' THEN 9 WHEN 'WARN' THEN 13 ELSE 17 END,
                       json_parse('{"message":"' || method || ' ' || path || ' -> ' || CAST(status AS varchar) || ' in ' || CAST(duration / 1000000 AS varchar) || ' ms","logger":"http.server"}'),
                       duration, trace_id, span_id,
                       json_parse('{"http.request.method":"' || method || '","http.route":"/api/v1/items/{id}","http.response.status_code":' || CAST(status AS varchar)
                           || ',"url.path":"' || path || '","user_agent.original":"%s"}'),
                       method, status, path,
                       json_parse('{"service.name":"' || service || '","service.version":"%s","deployment.environment.name":"prod","telemetry.sdk.language":"java"}'),
                       service, project_id, CAST(ts AS date)
                FROM (
                    SELECT n, ts, id, span_id, parent_span_id, trace_id, method, path, status, duration, service, project_id,
                           CASE WHEN status >= 500 THEN 'ERROR' WHEN status >= 400 THEN 'WARN' WHEN n %% 20 = 0 THEN 'DEBUG' ELSE 'INFO' END AS level
                    FROM (
                        SELECT n,
                               CAST(from_unixtime_nanos(%d + n * %d) AS timestamp(6) with time zone) AS ts,
                               lower(to_hex(md5(to_big_endian_64(n)))) AS id,
                               lower(to_hex(xxhash64(to_big_endian_64(n)))) AS span_id,
                               lower(to_hex(xxhash64(to_big_endian_64(n - 1)))) AS parent_span_id,
                               lower(to_hex(md5(to_big_endian_64(n / 4 + %d)))) AS trace_id,
                               element_at(%s, CAST(n %% %d AS integer) + 1) AS method,
                               '/api/v1/items/' || CAST(n %% 10000 AS varchar) AS path,
                               element_at(%s, CAST(n / 7 %% %d AS integer) + 1) AS status,
                               (n * 2654435761) %% 60000000 AS duration,
                               element_at(%s, CAST(n / 3 %% %d AS integer) + 1) AS service,
                               element_at(%s, CAST(n %% %d AS integer) + 1) AS project_id
                        FROM (SELECT (partkey - 1) * %d + k AS n FROM tpch.tiny.part CROSS JOIN UNNEST(sequence(0, %d)) AS s(k))))
                """.formatted(
                Workload.USER_AGENT, Workload.SERVICE_VERSION,
                startNanos, stepNanos, ROWS,
                arrayLiteral(Workload.METHODS), Workload.METHODS.size(),
                arrayLiteral(Workload.HTTP_STATUSES), Workload.HTTP_STATUSES.size(),
                arrayLiteral(Workload.SERVICES), Workload.SERVICES.size(),
                arrayLiteral(Workload.PROJECTS), Workload.PROJECTS.size(),
                PER_PART, PER_PART - 1);
    }

    private static String arrayLiteral(List<?> values)
    {
        return values.stream()
                .map(value -> value instanceof String text ? ColumnType.quote(text) : value.toString())
                .collect(Collectors.joining(", ", "ARRAY[", "]"));
    }
}

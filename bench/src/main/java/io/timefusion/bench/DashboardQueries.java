package io.timefusion.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Q1–Q8 of issue 16, each for one project, as a TimeFusion user writes them (Timescale's time_bucket, percentile_agg
 * and approx_count_distinct, which the gateway translates) and as a PostgreSQL 15 user writes the same question
 * (date_bin, percentile_cont, count(DISTINCT)). The 24-hour and 7-day windows end where the data ends.
 */
final class DashboardQueries
{
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    /**
     * @param comparable whether both systems must give the same answer (exact results in a total order); the
     * approximate ones (percentiles, distinct counts) differ by design
     */
    record Query(String name, String timefusionSql, String postgresSql, boolean comparable) {}

    private DashboardQueries() {}

    static List<Query> all(DashboardWorkload.Lookup lookup)
    {
        String day = window(Duration.ofDays(1));
        String week = window(Duration.ofDays(7));
        String table = "FROM otel_logs_and_spans WHERE project_id = '" + DashboardWorkload.PROJECT + "' AND ";
        return List.of(
                new Query("Q1 counts per 5 min, 24 h",
                        "SELECT time_bucket('5 minutes', \"timestamp\") AS bucket, count(*) AS n " + table + day + " GROUP BY bucket ORDER BY bucket",
                        "SELECT date_bin('5 minutes', \"timestamp\", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket, count(*) AS n " + table + day + " GROUP BY bucket ORDER BY bucket",
                        true),
                new Query("Q2 p50/p95/p99 duration per 5 min, 24 h",
                        "SELECT time_bucket('5 minutes', \"timestamp\") AS bucket, approx_percentile(0.5, percentile_agg(duration)) AS p50, "
                                + "approx_percentile(0.95, percentile_agg(duration)) AS p95, approx_percentile(0.99, percentile_agg(duration)) AS p99 "
                                + table + day + " GROUP BY bucket ORDER BY bucket",
                        "SELECT date_bin('5 minutes', \"timestamp\", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket, percentile_cont(0.5) WITHIN GROUP (ORDER BY duration) AS p50, "
                                + "percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) AS p95, percentile_cont(0.99) WITHIN GROUP (ORDER BY duration) AS p99 "
                                + table + day + " GROUP BY bucket ORDER BY bucket",
                        false),
                same("Q3 error rate per service, 24 h",
                        "SELECT resource___service___name AS service, count(*) AS requests, count(*) FILTER (WHERE status_code = 'ERROR') AS errors, "
                                + "round(100.0 * count(*) FILTER (WHERE status_code = 'ERROR') / count(*), 2) AS error_pct " + table + day + " GROUP BY service ORDER BY service"),
                same("Q4 top 10 endpoints, 7 d",
                        "SELECT name, count(*) AS n " + table + week + " GROUP BY name ORDER BY n DESC, name LIMIT 10"),
                same("Q5 newest 250 log lines matching a path, 24 h",
                        "SELECT \"timestamp\", id, name, status_code, duration " + table + day + " AND attributes___url___path LIKE '%/orders/%' ORDER BY \"timestamp\" DESC LIMIT 250"),
                same("Q6 all spans of one trace",
                        "SELECT id, parent_id, name, \"timestamp\", duration " + table + "context___trace_id = '" + lookup.traceId() + "' ORDER BY \"timestamp\", id"),
                same("Q7 one row by id and time range", lookupById(DashboardWorkload.PROJECT, lookup)),
                new Query("Q8 distinct users, 7 d",
                        "SELECT distinct_count(approx_count_distinct(attributes___user___id)) AS users " + table + week,
                        "SELECT count(DISTINCT attributes___user___id) AS users " + table + week,
                        false));
    }

    /**
     * Q7's statement for a project that holds no rows: the same one-stage scan of the table, with no file to read. What it
     * costs is the engine's floor for a query of this table (planning a scan of its 88 columns, scheduling the scan's
     * task and splits, the buffer's split), which every query of Q1–Q8 pays before it reads a row.
     */
    static String lookupReadingNothing(DashboardWorkload.Lookup lookup)
    {
        return lookupById("no-such-project", lookup);
    }

    /** One row by id, in the two minutes around the row looked up. */
    private static String lookupById(String project, DashboardWorkload.Lookup lookup)
    {
        return "SELECT id, name, \"timestamp\", duration, status_code, context___trace_id FROM otel_logs_and_spans WHERE project_id = '%s' AND id = '%s' AND %s"
                .formatted(project, lookup.spanRowId(), timeRange(lookup.spanTimestamp().minusSeconds(60), lookup.spanTimestamp().plusSeconds(60)));
    }

    private static Query same(String name, String sql)
    {
        return new Query(name, sql, sql, true);
    }

    private static String window(Duration length)
    {
        Instant end = DashboardWorkload.END;
        return timeRange(end.minus(length), end);
    }

    /** [from, to) of {@code timestamp}. */
    private static String timeRange(Instant from, Instant to)
    {
        return "\"timestamp\" >= TIMESTAMPTZ '%s' AND \"timestamp\" < TIMESTAMPTZ '%s'".formatted(LITERAL.format(from), LITERAL.format(to));
    }
}

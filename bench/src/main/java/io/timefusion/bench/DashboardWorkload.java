package io.timefusion.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.timefusion.trino.metadata.TableColumn;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The rows of the query benchmark, shaped like the main client's traffic: three projects (half, three tenths and a
 * fifth of the rows), 14 days, traces of 5–20 spans that share a trace id, a user and a few milliseconds, over 300
 * endpoints of 20 services, 5 % errors, a JSON attribute document per span. Traces come in time order, as a live
 * service sends them. Seeded: PostgreSQL and TimeFusion get the same rows, and the same trace and row to look up.
 */
final class DashboardWorkload
{
    static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    static final int DAYS = 14;
    static final Instant END = START.plus(Duration.ofDays(DAYS));
    static final String PROJECT = "p1";

    private static final List<String> PROJECTS = List.of("p1", "p1", "p1", "p1", "p1", "p2", "p2", "p2", "p3", "p3");
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE");
    private static final List<String> RESOURCES = List.of("orders", "users", "items", "carts", "payments", "invoices", "sessions", "search", "reviews", "shipments",
            "coupons", "stock", "prices", "addresses", "wishlists", "returns", "refunds", "tickets", "messages", "reports",
            "exports", "imports", "webhooks", "tokens", "teams", "projects", "alerts", "metrics", "logs", "settings");
    private static final int ENDPOINTS = 300;
    private static final int SERVICES = 20;
    private static final int USERS_PER_PROJECT = 20_000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** A trace of {@link #PROJECT} to fetch whole (Q6) and one of its spans to fetch by id (Q7). */
    record Lookup(String traceId, int spans, String spanRowId, Instant spanTimestamp) {}

    private final long rows;
    private final Random random = new Random(20261205);
    private final List<Object[]> pending = new ArrayList<>();
    private long made;
    private Lookup lookup;

    DashboardWorkload(long rows)
    {
        this.rows = rows;
    }

    /** Up to {@code count} more rows as the table's cells in column order; empty once all rows are made. */
    synchronized List<Object[]> next(int count)
    {
        List<Object[]> batch = new ArrayList<>(count);
        while (batch.size() < count && made < rows) {
            if (pending.isEmpty()) {
                trace();
            }
            batch.add(pending.removeLast());
            made++;
        }
        return batch;
    }

    /** The trace and span to look up; known once the rows past 80 % of the time span have been made. */
    synchronized Lookup lookup()
    {
        if (lookup == null) {
            throw new IllegalStateException("the rows to look up are made at 80 % of the workload");
        }
        return lookup;
    }

    private void trace()
    {
        // traces follow each other in time, a little out of order, as spans arrive from many services
        long spanMicros = Duration.between(START, END).toNanos() / 1000;
        Instant traceStart = START.plusNanos(Math.min(spanMicros - 1, (long) ((double) made / rows * spanMicros) + random.nextLong(1_000_000)) * 1000);
        String project = PROJECTS.get(random.nextInt(PROJECTS.size()));
        String traceId = hex(16);
        String user = "user-" + random.nextInt(USERS_PER_PROJECT);
        int spans = 5 + random.nextInt(16);
        boolean failed = random.nextInt(20) == 0;
        String rootSpanId = hex(8);
        List<Object[]> trace = new ArrayList<>(spans);
        for (int span = 0; span < spans; span++) {
            Instant timestamp = traceStart.plusNanos(span * 1_000_000L + random.nextLong(1_000_000));
            int endpoint = random.nextInt(ENDPOINTS);
            String method = METHODS.get(endpoint % METHODS.size());
            String resource = RESOURCES.get(endpoint % RESOURCES.size());
            String path = "/api/v1/" + resource + "/" + (endpoint / RESOURCES.size());
            boolean error = failed && span == spans - 1;
            long durationNanos = (long) (Math.exp(random.nextGaussian() * 0.8) * 15_000_000) * (error ? 5 : 1);
            String spanId = span == 0 ? rootSpanId : hex(8);
            String id = hex(16);
            trace.add(cells(Map.ofEntries(
                    Map.entry("timestamp", TIMESTAMP.format(timestamp)),
                    Map.entry("observed_timestamp", TIMESTAMP.format(timestamp.plusMillis(3))),
                    Map.entry("id", id),
                    Map.entry("parent_id", span == 0 ? "" : rootSpanId),
                    Map.entry("hashes", "{trace:" + traceId + "}"),
                    Map.entry("name", method + " " + path),
                    Map.entry("kind", span == 0 ? "SERVER" : "INTERNAL"),
                    Map.entry("status_code", error ? "ERROR" : "OK"),
                    Map.entry("status_message", error ? (random.nextBoolean() ? "upstream timeout after 30s" : "internal server error") : ""),
                    Map.entry("level", error ? "ERROR" : "INFO"),
                    Map.entry("severity___severity_text", error ? "ERROR" : "INFO"),
                    Map.entry("severity___severity_number", error ? 17 : 9),
                    Map.entry("body", body(method, path, error)),
                    Map.entry("duration", durationNanos),
                    Map.entry("context___trace_id", traceId),
                    Map.entry("context___span_id", spanId),
                    Map.entry("attributes", attributes(method, path, user, error)),
                    Map.entry("attributes___http___request___method", method),
                    Map.entry("attributes___http___response___status_code", error ? 500 : 200),
                    Map.entry("attributes___url___path", path),
                    Map.entry("attributes___user___id", user),
                    Map.entry("resource___service___name", "service-%02d".formatted(endpoint % SERVICES)),
                    Map.entry("project_id", project),
                    Map.entry("date", timestamp.atOffset(ZoneOffset.UTC).toLocalDate().toString()))));
            if (lookup == null && project.equals(PROJECT) && made >= rows * 8 / 10 && span == spans / 2) {
                lookup = new Lookup(traceId, spans, id, timestamp);
            }
        }
        // next() takes from the end: the spans come out in their order
        for (int span = trace.size() - 1; span >= 0; span--) {
            pending.add(trace.get(span));
        }
    }

    private static Object[] cells(Map<String, Object> values)
    {
        Object[] cells = new Object[OtelTable.COLUMNS.size()];
        for (TableColumn column : OtelTable.COLUMNS) {
            Object value = values.get(column.name());
            cells[column.ordinal()] = "".equals(value) ? null : value;
        }
        return cells;
    }

    private static String body(String method, String path, boolean error)
    {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", "%s %s %s".formatted(method, path, error ? "failed" : "done"));
        return body.toString();
    }

    private static String attributes(String method, String path, String user, boolean error)
    {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.put("http.request.method", method);
        attributes.put("url.path", path);
        attributes.put("user.id", user);
        if (error) {
            attributes.put("error.type", "500");
        }
        return attributes.toString();
    }

    private String hex(int bytes)
    {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HEX.formatHex(value);
    }
}

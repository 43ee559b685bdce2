package io.timefusion.integration.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trino.server.BasicQueryInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query result cache as clients and operators see it: repeated queries answered without Trino, never a stale
 * answer after a write through the gateway, and the figures of /metrics and /status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGatewayQueryCache
{
    private static final String DASHBOARD = "SELECT name, count(*) AS n FROM otel_logs_and_spans WHERE project_id = ? GROUP BY name ORDER BY name";
    // the dashboard query as Trino receives it, with the project written in
    private static final String DASHBOARD_ON_TRINO = "SELECT name, count(*) AS n FROM otel_logs_and_spans WHERE project_id = '%s' GROUP BY name ORDER BY name";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        // 1 MB: small enough for a test result to exceed it
        gateway = TestingGateway.start(Map.of("query-cache.max-size-mb", "1"));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void theSameDashboardQueryTwiceRunsOnTrinoOnce()
            throws Exception
    {
        insert("cache-twice", "GET /users");
        long hits = cacheFigure("hits");

        List<String> first = dashboard("cache-twice");
        List<String> second = dashboard("cache-twice");

        assertThat(first).containsExactly("GET /users=1");
        assertThat(second).isEqualTo(first);
        assertThat(cacheFigure("hits")).isEqualTo(hits + 1);
        assertThat(trinoRuns(DASHBOARD_ON_TRINO.formatted("cache-twice"))).isEqualTo(1);
    }

    @Test
    void anInsertThroughTheGatewayMakesTheNextRunMissAndSeeTheNewRow()
            throws Exception
    {
        insert("cache-insert", "GET /users");
        assertThat(dashboard("cache-insert")).containsExactly("GET /users=1");
        assertThat(dashboard("cache-insert")).containsExactly("GET /users=1");
        long misses = cacheFigure("misses");

        insert("cache-insert", "POST /orders");

        assertThat(dashboard("cache-insert")).containsExactly("GET /users=1", "POST /orders=1");
        assertThat(cacheFigure("misses")).isEqualTo(misses + 1);
        assertThat(trinoRuns(DASHBOARD_ON_TRINO.formatted("cache-insert"))).isEqualTo(2);
    }

    @Test
    void aDifferentParameterValueMisses()
            throws Exception
    {
        insert("cache-param-a", "GET /a");
        insert("cache-param-b", "GET /b");
        assertThat(dashboard("cache-param-a")).containsExactly("GET /a=1");
        long hits = cacheFigure("hits");
        long misses = cacheFigure("misses");

        assertThat(dashboard("cache-param-b")).containsExactly("GET /b=1");

        assertThat(cacheFigure("hits")).isEqualTo(hits);
        assertThat(cacheFigure("misses")).isEqualTo(misses + 1);
    }

    @Test
    void aResultOverTheSizeLimitIsReturnedInFullAndNotCached()
            throws Exception
    {
        // 20,000 rows of about 100 bytes: 2 MB on the wire, more on the heap, over the 1 MB limit
        String query = "SELECT x * 1000 + y AS n, rpad('large result ', 90, 'x') AS payload FROM UNNEST(sequence(1, 200)) a(x) CROSS JOIN UNNEST(sequence(1, 100)) b(y)";
        long entries = cacheFigure("total_entries");
        for (int run = 0; run < 2; run++) {
            try (Connection connection = gateway.connect(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                long count = 0;
                long bytes = 0;
                while (rows.next()) {
                    count++;
                    bytes += rows.getString(2).length() + 8;
                }
                assertThat(count).isEqualTo(20_000);
                assertThat(bytes).isGreaterThan(1024 * 1024);
            }
        }
        assertThat(trinoRuns(query)).isEqualTo(2);
        assertThat(cacheFigure("total_entries")).isEqualTo(entries);
    }

    @Test
    void aCachedResultReplaysInTextAndBinaryFormats()
            throws Exception
    {
        String query = """
                SELECT * FROM (VALUES (BIGINT '9000000000', 'text ü', TIMESTAMP '2025-03-01 12:00:00.123456 UTC', DOUBLE '1.5', true, ARRAY['a', 'b,c'],
                    JSON '{"k":[1,2]}', DECIMAL '12.34', DATE '2025-03-01', UUID '0b5c1a4e-7f1d-4a7e-9c3e-2f1b6a7d8e9f', CAST(NULL AS integer)))
                    AS t(big, txt, ts, dbl, flag, arr, doc, dec, day, id, missing)""";
        List<Object> expected = List.of(9_000_000_000L, "text ü", OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 123_456_000, ZoneOffset.UTC), 1.5, true,
                List.of("a", "b,c"), "{\"k\":[1,2]}", new BigDecimal("12.34"), LocalDate.of(2025, 3, 1), UUID.fromString("0b5c1a4e-7f1d-4a7e-9c3e-2f1b6a7d8e9f"), "null");
        long hits = cacheFigure("hits");

        assertThat(readTypedRow(query, false)).isEqualTo(expected);
        assertThat(readTypedRow(query, true)).isEqualTo(expected);
        assertThat(readTypedRow(query, false)).isEqualTo(expected);

        assertThat(cacheFigure("hits")).isEqualTo(hits + 2);
        assertThat(trinoRuns(query)).isEqualTo(1);
    }

    private List<Object> readTypedRow(String query, boolean binary)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("binaryTransfer", Boolean.toString(binary));
        properties.setProperty("prepareThreshold", binary ? "-1" : "5");
        try (Connection connection = gateway.connect(properties); PreparedStatement statement = connection.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            List<Object> values = List.of(rows.getLong(1), rows.getString(2), rows.getObject(3, OffsetDateTime.class), rows.getDouble(4), rows.getBoolean(5),
                    List.of((Object[]) rows.getArray(6).getArray()), rows.getString(7), rows.getBigDecimal(8), rows.getObject(9, LocalDate.class),
                    rows.getObject(10, UUID.class), String.valueOf(rows.getObject(11)));
            assertThat(rows.next()).isFalse();
            return values;
        }
    }

    @Test
    void aCachedResultIsFetchedInPortionsWithSuspendedPortals()
            throws Exception
    {
        String query = "SELECT x FROM UNNEST(sequence(1, 25)) t(x) ORDER BY x";
        List<Long> expected = new ArrayList<>();
        for (long x = 1; x <= 25; x++) {
            expected.add(x);
        }
        long hits = cacheFigure("hits");
        for (int run = 0; run < 2; run++) {
            try (Connection connection = gateway.connect()) {
                // with autocommit off and a fetch size, pgjdbc sends Execute with a row limit and resumes the suspended portal
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.setFetchSize(4);
                    List<Long> values = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery(query)) {
                        while (rows.next()) {
                            values.add(rows.getLong(1));
                        }
                    }
                    assertThat(values).isEqualTo(expected);
                }
                connection.commit();
            }
        }
        assertThat(cacheFigure("hits")).isEqualTo(hits + 1);
        assertThat(trinoRuns(query)).isEqualTo(1);
    }

    @Test
    void queriesWithVolatileFunctionsAreNotCached()
            throws Exception
    {
        String query = "SELECT count(*) FROM otel_logs_and_spans WHERE timestamp < now()";
        long hits = cacheFigure("hits");
        for (int run = 0; run < 2; run++) {
            try (Connection connection = gateway.connect(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                assertThat(rows.next()).isTrue();
            }
        }
        assertThat(cacheFigure("hits")).isEqualTo(hits);
        assertThat(trinoRuns(query)).isEqualTo(2);
    }

    @Test
    void metricsParseAsPrometheusTextWithEveryFigure()
            throws Exception
    {
        insert("cache-metrics", "GET /metrics");
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT no_such_column FROM otel_logs_and_spans").close()).isInstanceOf(SQLException.class);
        }

        HttpResponse<String> response = get("/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        Map<String, Double> samples = parsePrometheusText(response.body());

        assertThat(samples).containsKeys(
                "timefusion_query_cache_hits_total",
                "timefusion_query_cache_misses_total",
                "timefusion_query_cache_evictions_total",
                "timefusion_query_cache_entries",
                "timefusion_query_cache_bytes",
                "timefusion_query_cache_hit_ratio",
                "timefusion_queries_total{kind=\"query\",outcome=\"ok\"}",
                "timefusion_queries_total{kind=\"query\",outcome=\"error\"}",
                "timefusion_query_duration_seconds_bucket{le=\"+Inf\"}",
                "timefusion_query_duration_seconds_sum",
                "timefusion_query_duration_seconds_count",
                "timefusion_pgwire_connections_open",
                "timefusion_pgwire_connections_max",
                "timefusion_pgwire_connections_rejected_total",
                "timefusion_trino_errors_total{sqlstate_class=\"42\"}");
        assertThat(samples.get("timefusion_rows_inserted_total")).isGreaterThanOrEqualTo(1);
        assertThat(samples.get("timefusion_queries_total{kind=\"insert\",outcome=\"ok\"}")).isGreaterThanOrEqualTo(1);
        assertThat(samples.get("timefusion_pgwire_connections_max")).isEqualTo(100);
        assertThat(samples.get("timefusion_query_duration_seconds_bucket{le=\"+Inf\"}")).isEqualTo(samples.get("timefusion_query_duration_seconds_count"));
    }

    @Test
    void theGatewaysShareIsCountedForAStatementThatRanOnTrinoAndNotForACachedAnswer()
            throws Exception
    {
        insert("cache-gateway-share", "GET /share");
        assertThat(dashboard("cache-gateway-share")).containsExactly("GET /share=1");
        Map<String, Double> before = parsePrometheusText(get("/metrics", null).body());

        assertThat(dashboard("cache-gateway-share")).containsExactly("GET /share=1");
        Map<String, Double> afterCachedAnswer = parsePrometheusText(get("/metrics", null).body());
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'cache-gateway-share' AND name <> 'x'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
        Map<String, Double> afterTrinoStatement = parsePrometheusText(get("/metrics", null).body());

        String count = "timefusion_query_gateway_seconds_count";
        String sum = "timefusion_query_gateway_seconds_sum";
        assertThat(afterCachedAnswer.get(count)).isEqualTo(before.get(count));
        assertThat(afterTrinoStatement.get(count)).isEqualTo(before.get(count) + 1);
        double shareSeconds = afterTrinoStatement.get(sum) - before.get(sum);
        double statementSeconds = afterTrinoStatement.get("timefusion_query_duration_seconds_sum") - afterCachedAnswer.get("timefusion_query_duration_seconds_sum");
        // the statement's own duration holds its wait on Trino, which the gateway's share leaves out
        assertThat(shareSeconds).isGreaterThan(0).isLessThan(statementSeconds);
    }

    @Test
    void metricsAsJsonHaveTheOriginalFieldNames()
            throws Exception
    {
        HttpResponse<String> response = get("/metrics", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(fieldNames(body.get("query_cache"))).containsExactly("hits", "misses", "evictions", "total_entries", "total_size_mb", "hit_rate", "average_execution_time_ms");
        assertThat(Instant.parse(body.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(body.get("pgwire").get("connections_max").asInt()).isEqualTo(100);
    }

    @Test
    void statusReportsTheCacheTrinoAndUptime()
            throws Exception
    {
        HttpResponse<String> response = get("/status", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(fieldNames(body)).containsExactly("database", "query_cache", "trino", "maintenance", "timestamp", "uptime_seconds");
        // TestingGateway turns maintenance off; TestAutomaticMaintenance covers the object with maintenance on
        assertThat(body.get("maintenance").get("enabled").asBoolean()).isFalse();
        assertThat(body.get("database").get("project_count").asInt()).isZero();
        assertThat(body.get("database").get("cache_enabled").asBoolean()).isTrue();
        assertThat(fieldNames(body.get("query_cache"))).containsExactly("hits", "misses", "evictions", "total_entries", "total_size_mb", "hit_rate", "average_execution_time_ms");
        assertThat(body.get("trino").get("reachable").asBoolean()).isTrue();
        assertThat(body.get("trino").get("version").asText()).isEqualTo("testversion");
        assertThat(body.get("trino").get("nodes").asInt()).isEqualTo(gateway.queryRunner().getNodeCount());
        assertThat(body.get("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
        Instant.parse(body.get("timestamp").asText());
    }

    private void insert(String project, String name)
            throws SQLException
    {
        try (Connection connection = gateway.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO otel_logs_and_spans (name, id, project_id, timestamp, date) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, project);
            insert.setObject(4, OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC));
            insert.setObject(5, LocalDate.of(2025, 3, 1));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> dashboard(String project)
            throws SQLException
    {
        try (Connection connection = gateway.connect(); PreparedStatement query = connection.prepareStatement(DASHBOARD)) {
            query.setString(1, project);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + "=" + result.getLong(2));
                }
            }
            return rows;
        }
    }

    /** How many times Trino's coordinator ran exactly this statement, as the gateway translates it. */
    private long trinoRuns(String sql)
    {
        String trinoSql = gateway.trinoSqlOf(sql);
        return gateway.queryRunner().getCoordinator().getQueryManager().getQueries().stream()
                .map(BasicQueryInfo::getQuery)
                .filter(trinoSql::equals)
                .count();
    }

    private long cacheFigure(String name)
            throws IOException, InterruptedException
    {
        return json.readTree(get("/metrics", "application/json").body()).get("query_cache").get(name).asLong();
    }

    private HttpResponse<String> get(String path, String accept)
            throws IOException, InterruptedException
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fieldNames(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\")*})? (\\S+)");
    private static final Pattern COMMENT = Pattern.compile("# (?:HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*|TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (?:counter|gauge|histogram|summary|untyped))");

    /**
     * The samples of a Prometheus text exposition, keyed by name and labels as written. Fails on any line that is
     * neither a HELP or TYPE comment nor {@code name{labels} value}, and on a sample of a family without TYPE.
     */
    private static Map<String, Double> parsePrometheusText(String text)
    {
        Map<String, Double> samples = new HashMap<>();
        List<String> typed = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher comment = COMMENT.matcher(line);
                assertThat(comment.matches()).as("comment line: " + line).isTrue();
                if (comment.group(2) != null) {
                    typed.add(comment.group(2));
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("sample line: " + line).isTrue();
            String name = sample.group(1);
            assertThat(typed).as("family of " + name).anyMatch(family -> name.equals(family) || name.startsWith(family + "_"));
            String value = sample.group(3);
            samples.put(name + (sample.group(2) == null ? "" : sample.group(2)),
                    switch (value) {
                        case "+Inf" -> Double.POSITIVE_INFINITY;
                        case "-Inf" -> Double.NEGATIVE_INFINITY;
                        default -> Double.parseDouble(value);
                    });
        }
        return samples;
    }
}

package io.timefusion.gateway.cache;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestCacheableQueries
{
    @Test
    void plainReadsAreCacheable()
    {
        for (String sql : List.of(
                "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'p1' AND timestamp > TIMESTAMP '2025-03-01 00:00:00 UTC'",
                "  /* dashboard */ (SELECT 1)",
                "WITH recent AS (SELECT * FROM otel_logs_and_spans) SELECT name FROM recent",
                "VALUES (1, 'a')",
                "TABLE otel_logs_and_spans",
                "SELECT CAST(id AS uuid) FROM t",
                "SELECT nowhere, random_column, current_dates FROM t")) {
            assertThat(CacheableQueries.isCacheable(sql)).as(sql).isTrue();
        }
    }

    @Test
    void statementsWithVolatileFunctionsOrLiveSystemTablesAreNot()
    {
        for (String sql : List.of(
                "SELECT count(*) FROM t WHERE timestamp > now() - INTERVAL '1' HOUR",
                "SELECT * FROM t WHERE timestamp > NOW ()",
                "SELECT \"now\"()",
                "SELECT current_timestamp",
                "SELECT current_time",
                "SELECT * FROM t WHERE date = current_date",
                "SELECT current_timezone()",
                "SELECT localtime",
                "SELECT localtimestamp",
                "SELECT random()",
                "SELECT * FROM t ORDER BY rand() LIMIT 10",
                "SELECT uuid()",
                "SELECT shuffle(ARRAY[1, 2, 3])",
                "SELECT * FROM t TABLESAMPLE BERNOULLI (10)",
                "SELECT * FROM system.runtime.queries",
                "SELECT count(*) FROM \"system\".\"runtime\".nodes",
                "WITH n AS (SELECT now() AS t) SELECT * FROM n")) {
            assertThat(CacheableQueries.isCacheable(sql)).as(sql).isFalse();
        }
    }

    @Test
    void catalogDescriptionsExplainsAndWritesAreNot()
    {
        for (String sql : List.of(
                "SHOW TABLES",
                "DESCRIBE otel_logs_and_spans",
                "EXPLAIN SELECT 1",
                "EXPLAIN ANALYZE SELECT 1",
                "INSERT INTO t VALUES (1)",
                "CREATE TABLE t (a integer)")) {
            assertThat(CacheableQueries.isCacheable(sql)).as(sql).isFalse();
        }
    }
}

package io.timefusion.gateway.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.timefusion.gateway.sql.TranslatedStatement.Writes;
import io.timefusion.gateway.trino.TrinoColumn;
import io.timefusion.gateway.trino.TrinoType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TestQueryResultCache
{
    private static final List<TrinoColumn> COLUMNS = List.of(new TrinoColumn("name", TrinoType.parse("varchar")), new TrinoColumn("n", TrinoType.parse("bigint")));
    private static final String DASHBOARD = "SELECT name, count(*) FROM timefusion.public.otel_logs_and_spans WHERE project_id = 'p1' GROUP BY name";
    private static final String TYPE_LOOKUP = "WITH pg_type AS (SELECT * FROM (VALUES (23, 'int4')) AS t(oid, typname)) SELECT typname FROM pg_type WHERE oid = 23";

    private final FakeTicker ticker = new FakeTicker();

    private QueryResultCache cache(long maxEntries, long maxResultBytes)
    {
        return new QueryResultCache(true, maxEntries, Duration.ofSeconds(300), maxResultBytes, ticker);
    }

    // what the translator tells of each statement read here
    private static Set<String> tablesRead(QueryKey key)
    {
        return key.sql().equals(DASHBOARD) ? Set.of("otel_logs_and_spans") : Set.of();
    }

    private static QueryKey key(String sql)
    {
        return new QueryKey(sql, "postgres", Optional.empty(), Optional.empty());
    }

    private static void cacheRows(QueryResultCache cache, QueryKey key, Object[]... rows)
    {
        ResultCollector collector = cache.startCollecting(key, tablesRead(key));
        for (Object[] row : rows) {
            collector.add(row);
        }
        collector.finish(COLUMNS);
    }

    @Test
    void aResultIsServedUntilItsTtlHasPassed()
    {
        QueryResultCache cache = cache(100, 1 << 20);
        cacheRows(cache, key(DASHBOARD), new Object[] {"GET /users", 3L});

        ticker.advance(Duration.ofSeconds(299));
        CachedResult cached = cache.lookup(key(DASHBOARD)).orElseThrow();
        assertThat(cached.columns()).isEqualTo(COLUMNS);
        assertThat(cached.rows()).containsExactly(new Object[] {"GET /users", 3L});

        ticker.advance(Duration.ofSeconds(2));
        assertThat(cache.lookup(key(DASHBOARD))).isEmpty();
        QueryCacheStats stats = cache.stats();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.evictions()).isEqualTo(1);
        assertThat(stats.entries()).isZero();
    }

    @Test
    void theUserTimeZoneAndSearchPathArePartOfTheKey()
    {
        QueryResultCache cache = cache(100, 1 << 20);
        cacheRows(cache, key(DASHBOARD), new Object[] {"a", 1L});

        assertThat(cache.lookup(new QueryKey(DASHBOARD, "grafana", Optional.empty(), Optional.empty()))).isEmpty();
        assertThat(cache.lookup(new QueryKey(DASHBOARD, "postgres", Optional.of("Europe/Berlin"), Optional.empty()))).isEmpty();
        assertThat(cache.lookup(new QueryKey(DASHBOARD, "postgres", Optional.empty(), Optional.of("public")))).isEmpty();
        assertThat(cache.lookup(key(DASHBOARD.replace("'p1'", "'p2'")))).isEmpty();
        assertThat(cache.lookup(key(DASHBOARD))).isPresent();
    }

    @Test
    void aResultOverTheSizeLimitIsNotKept()
    {
        QueryResultCache cache = cache(100, 10_000);
        Object[][] rows = new Object[100][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {"row " + i, (long) i};
        }
        cacheRows(cache, key(DASHBOARD), rows);

        assertThat(cache.lookup(key(DASHBOARD))).isEmpty();
        assertThat(cache.stats().entries()).isZero();
    }

    @Test
    void aWriteDropsTheResultsThatReadItsTableAndOnlyThose()
    {
        QueryResultCache cache = cache(100, 1 << 20);
        cacheRows(cache, key(DASHBOARD), new Object[] {"a", 1L});
        cacheRows(cache, key(TYPE_LOOKUP), new Object[] {"int4", 0L});

        cache.invalidate(new Writes.Table("otel_logs_and_spans"));

        assertThat(cache.lookup(key(DASHBOARD))).isEmpty();
        assertThat(cache.lookup(key(TYPE_LOOKUP))).isPresent();

        cache.invalidate(new Writes.Unknown());
        assertThat(cache.lookup(key(TYPE_LOOKUP))).isEmpty();
    }

    @Test
    void aQueryThatRanWhileItsTableWasWrittenDoesNotStoreItsResult()
    {
        QueryResultCache cache = cache(100, 1 << 20);
        ResultCollector during = cache.startCollecting(key(DASHBOARD), tablesRead(key(DASHBOARD)));
        ResultCollector unrelated = cache.startCollecting(key(TYPE_LOOKUP), tablesRead(key(TYPE_LOOKUP)));
        during.add(new Object[] {"read before the write", 1L});
        unrelated.add(new Object[] {"int4", 0L});

        cache.invalidate(new Writes.Table("otel_logs_and_spans"));
        during.finish(COLUMNS);
        unrelated.finish(COLUMNS);

        assertThat(cache.lookup(key(DASHBOARD))).isEmpty();
        assertThat(cache.lookup(key(TYPE_LOOKUP))).isPresent();

        // a query started after the write caches again
        cacheRows(cache, key(DASHBOARD), new Object[] {"read after the write", 2L});
        assertThat(cache.lookup(key(DASHBOARD))).isPresent();
    }

    @Test
    void atMostMaxEntriesResultsAreKept()
    {
        QueryResultCache cache = cache(2, 1 << 20);
        for (int i = 0; i < 5; i++) {
            cacheRows(cache, key("SELECT " + i), new Object[] {"x", (long) i});
        }
        QueryCacheStats stats = cache.stats();
        assertThat(stats.entries()).isEqualTo(2);
        assertThat(stats.evictions()).isEqualTo(3);
    }

    @Test
    void statsReportSizeHitRateAndExecutionTime()
    {
        QueryResultCache cache = cache(100, 1 << 20);
        ResultCollector collector = cache.startCollecting(key(DASHBOARD), tablesRead(key(DASHBOARD)));
        collector.add(new Object[] {"GET /users", 3L});
        ticker.advance(Duration.ofMillis(250));
        collector.finish(COLUMNS);
        cache.lookup(key(DASHBOARD));
        cache.lookup(key(DASHBOARD));
        cache.lookup(key(TYPE_LOOKUP));

        QueryCacheStats stats = cache.stats();
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hitRate()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.entries()).isEqualTo(1);
        assertThat(stats.sizeBytes()).isBetween(100L, 1000L);
        assertThat(stats.averageExecutionMillis()).isEqualTo(250.0);
    }

    @Test
    void aDisabledCacheStoresAndCountsNothing()
    {
        QueryResultCache cache = new QueryResultCache(false, 100, Duration.ofSeconds(300), 1 << 20, ticker);
        cacheRows(cache, key(DASHBOARD), new Object[] {"a", 1L});

        assertThat(cache.lookup(key(DASHBOARD))).isEmpty();
        QueryCacheStats stats = cache.stats();
        assertThat(stats.enabled()).isFalse();
        assertThat(stats.hits() + stats.misses() + stats.entries()).isZero();
        assertThat(stats.hitRate()).isZero();
    }

    private static final class FakeTicker
            implements Ticker
    {
        private final AtomicLong nanos = new AtomicLong(TimeUnit.DAYS.toNanos(1));

        @Override
        public long read()
        {
            return nanos.get();
        }

        void advance(Duration duration)
        {
            nanos.addAndGet(duration.toNanos());
        }
    }
}

package io.timefusion.gateway.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.timefusion.gateway.sql.TrinoSql.assertTranslation;
import static io.timefusion.gateway.sql.TrinoSql.session;
import static io.timefusion.gateway.sql.TrinoSql.translate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestStatementTranslation
{
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT * FROM t LIMIT ALL => SELECT * FROM t LIMIT ALL",
            "SELECT * FROM t ORDER BY a LIMIT 10 OFFSET 5 => SELECT * FROM t ORDER BY a OFFSET 5 LIMIT 10",
            "SELECT * FROM t OFFSET 5 => SELECT * FROM t OFFSET 5",
            "SELECT * FROM t ORDER BY timestamp DESC LIMIT 251 => SELECT * FROM t ORDER BY timestamp DESC NULLS FIRST LIMIT 251",
            "SELECT * FROM public.otel_logs_and_spans => SELECT * FROM public.otel_logs_and_spans",
            "SELECT \"timestamp\", \"name\" FROM \"otel_logs_and_spans\" => SELECT \"timestamp\", \"name\" FROM \"otel_logs_and_spans\"",
            "SELECT * FROM unnest(ARRAY[1, 2]) AS u(n) => SELECT * FROM UNNEST(ARRAY[1, 2]) AS u(n)",
            "SELECT x FROM unnest(hashes) AS x => SELECT x FROM UNNEST(hashes) AS x(x)",
            "SELECT * FROM unnest($1::text[], $2::int[]) AS u(a, b) => SELECT * FROM UNNEST(CAST($1 AS array(varchar)), CAST($2 AS array(integer))) AS u(a, b)",
            "SELECT * FROM generate_series(1, 10) AS g(n) => SELECT * FROM UNNEST(CAST(sequence(1, 10) AS array(integer))) AS g(n)",
            "SELECT * FROM generate_series(1, 10, 2) => SELECT * FROM UNNEST(CAST(sequence(1, 10, 2) AS array(integer))) AS generate_series(generate_series)",
            "SELECT g FROM generate_series(TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-02 00:00:00', interval '1 hour') AS g => SELECT g FROM UNNEST(sequence(TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-02 00:00:00', (INTERVAL '1' HOUR))) AS g(g)",
            "SELECT ns.oid, ns.nspname, r.r FROM nsp AS ns JOIN (SELECT 1 AS r, 'public' AS nspname) AS r USING (nspname) => SELECT ns.oid, nspname, r.r FROM nsp AS ns JOIN (SELECT 1 AS r, 'public' AS nspname) AS r USING (nspname)",
            "SELECT a.id, b.id FROM a LEFT JOIN b USING (id) => SELECT id, b.id FROM a LEFT JOIN b USING (id)",
            "SELECT * FROM unnest(hashes) WITH ORDINALITY AS h(hash, i) => SELECT * FROM UNNEST(hashes) WITH ORDINALITY AS h(hash, i)",
            "SELECT h, ordinality FROM unnest(hashes) WITH ORDINALITY h => SELECT h, ordinality FROM UNNEST(hashes) WITH ORDINALITY AS h(h, ordinality)",
            "SELECT (information_schema._pg_expandarray(i.k)).n AS s, information_schema._pg_expandarray(i.k) AS keys FROM i => SELECT expanded_array_1.n AS s, CAST(ROW(expanded_array_1.x, expanded_array_1.n) AS ROW(x integer, n bigint)) AS keys FROM i CROSS JOIN UNNEST(i.k) WITH ORDINALITY AS expanded_array_1(x, n)",
            "SELECT s[1] FROM string_to_array('a,b', ',') s => SELECT element_at(s, 1) AS s FROM (SELECT split('a,b', ',')) AS s(s)",
            "SELECT * FROM upper('a') AS u(v) => SELECT * FROM (SELECT upper('a')) AS u(v)",
            "INSERT INTO t (a, b) SELECT * FROM unnest($1::text[], $2::text[]) AS u(a, b) => INSERT INTO t (a, b) SELECT * FROM UNNEST(CAST($1 AS array(varchar)), CAST($2 AS array(varchar))) AS u(a, b)",
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) => INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)",
            "DELETE FROM t WHERE name ILIKE 'x' => DELETE FROM t WHERE lower(name) LIKE lower('x') ESCAPE '\\'",
            "SELECT (col)::text, COUNT(*)::bigint FROM t WHERE project_id = $1::uuid AND timestamp >= $2::timestamptz GROUP BY 1 ORDER BY 2 DESC LIMIT 50 => SELECT CAST((col) AS varchar) AS col, CAST(COUNT(*) AS bigint) AS count FROM t WHERE project_id = CAST(CAST($1 AS uuid) AS varchar) AND timestamp >= CAST($2 AS timestamp(6) with time zone) GROUP BY 1 ORDER BY 2 DESC NULLS FIRST LIMIT 50",
            "SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b DESC => SELECT a, b FROM (SELECT a, b, row_number() OVER (PARTITION BY a ORDER BY a, b DESC NULLS FIRST) AS distinct_on_row FROM t) WHERE distinct_on_row = 1 ORDER BY a, b DESC NULLS FIRST",
            "SELECT DISTINCT ON (trace_id) trace_id, name AS n FROM t ORDER BY trace_id LIMIT 5 => SELECT trace_id, n FROM (SELECT trace_id, name AS n, row_number() OVER (PARTITION BY trace_id ORDER BY trace_id) AS distinct_on_row FROM t) WHERE distinct_on_row = 1 ORDER BY trace_id LIMIT 5",
            "SELECT DISTINCT ON (trace_id) trace_id, name FROM t ORDER BY trace_id, timestamp DESC => SELECT trace_id, name FROM (SELECT trace_id, name, timestamp AS distinct_on_order_1, row_number() OVER (PARTITION BY trace_id ORDER BY trace_id, timestamp DESC NULLS FIRST) AS distinct_on_row FROM t) WHERE distinct_on_row = 1 ORDER BY trace_id, distinct_on_order_1 DESC NULLS FIRST",
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM t => SELECT element_at(transform(ARRAY[array_sort(filter(array_agg(CAST(x AS double)), v -> v IS NOT NULL))], a -> IF(cardinality(a) = 0, NULL, element_at(a, CAST(floor(1 + 0.5 * (cardinality(a) - 1)) AS bigint)) + (1 + 0.5 * (cardinality(a) - 1) - floor(1 + 0.5 * (cardinality(a) - 1))) * (element_at(a, CAST(ceiling(1 + 0.5 * (cardinality(a) - 1)) AS bigint)) - element_at(a, CAST(floor(1 + 0.5 * (cardinality(a) - 1)) AS bigint))))), 1) FROM t",
            "SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY x) FROM t => SELECT element_at(transform(ARRAY[array_sort(filter(array_agg(x), v -> v IS NOT NULL))], a -> IF(cardinality(a) = 0, NULL, element_at(a, greatest(1, CAST(ceiling(0.9 * cardinality(a)) AS bigint))))), 1) FROM t",
    })
    void statements(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT unnest(ARRAY[1, 2]) => SELECT select_list_unnest.element_1 AS \"unnest\" FROM UNNEST(ARRAY[1, 2]) AS select_list_unnest(element_1)",
            "SELECT unnest($1::text[]) AS id, unnest($2::text[]) AS hash => SELECT select_list_unnest.element_1 AS id, select_list_unnest.element_2 AS hash FROM UNNEST(CAST($1 AS array(varchar)), CAST($2 AS array(varchar))) AS select_list_unnest(element_1, element_2)",
            "SELECT id, unnest(hashes) AS h FROM t WHERE id = 'a' ORDER BY h => SELECT id, select_list_unnest.element_1 AS h FROM t CROSS JOIN UNNEST(hashes) AS select_list_unnest(element_1) WHERE id = 'a' ORDER BY h",
    })
    void unnestInTheSelectListZipsTheArraysAsPostgres(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "UPDATE otel_logs_and_spans SET hashes = array_append(hashes, u.hash) FROM (SELECT unnest($1::text[]) AS id, unnest($2::text[]) AS hash) u WHERE otel_logs_and_spans.id = u.id AND project_id = $3 AND timestamp BETWEEN $4 AND $5"
                    + " => MERGE INTO otel_logs_and_spans USING (SELECT select_list_unnest.element_1 AS id, select_list_unnest.element_2 AS hash FROM UNNEST(CAST($1 AS array(varchar)), CAST($2 AS array(varchar))) AS select_list_unnest(element_1, element_2)) u"
                    + " ON otel_logs_and_spans.id = u.id AND project_id = $3 AND timestamp BETWEEN $4 AND $5 WHEN MATCHED THEN UPDATE SET hashes = concat(coalesce(hashes, ARRAY[]), ARRAY[u.hash])",
            "UPDATE t SET a = u.a, b = 2 FROM unnest($1::int[], $2::int[]) AS u(id, a) WHERE t.id = u.id => MERGE INTO t USING UNNEST(CAST($1 AS array(integer)), CAST($2 AS array(integer))) AS u(id, a) ON t.id = u.id WHEN MATCHED THEN UPDATE SET a = u.a, b = 2",
            "UPDATE t AS o SET a = 1 WHERE o.id = 'x' => MERGE INTO t AS o USING (VALUES true) AS single_row(matched) ON o.id = 'x' WHEN MATCHED THEN UPDATE SET a = 1",
            "UPDATE t SET a = 1 WHERE id = ANY($1) => UPDATE t SET a = 1 WHERE contains($1, id)",
            "DELETE FROM t WHERE project_id = $1 AND timestamp < $2 => DELETE FROM t WHERE project_id = $1 AND timestamp < $2",
            "DELETE FROM t USING (SELECT unnest($1::text[]) AS id) d WHERE t.id = d.id AND t.project_id = $2 => MERGE INTO t USING (SELECT select_list_unnest.element_1 AS id FROM UNNEST(CAST($1 AS array(varchar))) AS select_list_unnest(element_1)) d ON t.id = d.id AND t.project_id = $2 WHEN MATCHED THEN DELETE",
            "delete from public.t as x using u where x.id = u.id => MERGE INTO public.t AS x USING u ON x.id = u.id WHEN MATCHED THEN DELETE",
            "DELETE FROM t AS x WHERE x.id = 'a' => MERGE INTO t AS x USING (VALUES true) AS single_row(matched) ON x.id = 'a' WHEN MATCHED THEN DELETE",
    })
    void rowChangesTrinoCannotWriteAsUpdateOrDeleteBecomeMerge(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT version() => SELECT 'PostgreSQL 16.4 (TimeFusion 0.1.0 on Trino 476) on x86_64-pc-linux-gnu, compiled by javac, 64-bit' AS version",
            "SELECT current_setting('server_version_num')::int/100 => SELECT CAST('160004' AS integer) / 100",
            "SELECT current_setting('server_version') => SELECT '16.4' AS current_setting",
            "SELECT current_setting('no_such', true) => SELECT NULL AS current_setting",
            "SELECT current_database(), current_schema(), current_schema => SELECT 'timefusion' AS current_database, 'public' AS \"current_schema\", 'public' AS \"current_schema\"",
            "SELECT current_user, session_user, user => SELECT 'alice' AS \"current_user\", 'alice' AS session_user, 'alice' AS user",
            "SELECT pg_is_in_recovery(), pg_backend_pid() => SELECT false AS pg_is_in_recovery, 4242 AS pg_backend_pid",
            "SELECT pg_catalog.version() => SELECT 'PostgreSQL 16.4 (TimeFusion 0.1.0 on Trino 476) on x86_64-pc-linux-gnu, compiled by javac, 64-bit' AS version",
            "SHOW server_version => SELECT '16.4' AS \"server_version\"",
            "SHOW TimeZone => SELECT 'UTC' AS \"TimeZone\"",
            "SHOW TIME ZONE => SELECT 'UTC' AS \"TimeZone\"",
            "SHOW DateStyle => SELECT 'ISO, MDY' AS \"DateStyle\"",
            "SHOW transaction isolation level => SELECT 'read committed' AS \"transaction_isolation\"",
            "SHOW search_path => SELECT '\"$user\", public' AS \"search_path\"",
    })
    void sessionQuestionsAreAnsweredAsLiterals(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @Test
    void outputColumnsAreNamedAsPostgresNamesThem()
    {
        assertTranslation("SELECT current_schema(), session_user, (col)::text, count(*)::bigint, CASE WHEN col > 0 THEN 1 END, 1 + 1, col AS c FROM t GROUP BY 3",
                "SELECT 'public' AS \"current_schema\", 'alice' AS session_user, CAST((col) AS varchar) AS col, CAST(count(*) AS bigint) AS count, "
                        + "CASE WHEN col > 0 THEN 1 END AS \"case\", 1 + 1, col AS c FROM t GROUP BY 3");
    }

    @Test
    void descendingSortKeysPutNullsFirstAsPostgresDoes()
    {
        assertTranslation("SELECT a FROM t ORDER BY a DESC, b, c ASC, d DESC NULLS LAST, e NULLS FIRST",
                "SELECT a FROM t ORDER BY a DESC NULLS FIRST, b, c ASC, d DESC NULLS LAST, e NULLS FIRST");
        assertTranslation("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 DESC",
                "SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 DESC NULLS FIRST");
        assertTranslation("SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM t",
                "SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC NULLS FIRST) FROM t");
        assertTranslation("SELECT array_agg(a ORDER BY b DESC) FROM t",
                "SELECT array_agg(a ORDER BY b DESC NULLS FIRST) AS array_agg FROM t");
        assertTranslation("SELECT * FROM (SELECT a FROM t ORDER BY a DESC LIMIT 3) s",
                "SELECT * FROM (SELECT a FROM t ORDER BY a DESC NULLS FIRST LIMIT 3) s");
    }

    @Test
    void showAllListsEverySetting()
    {
        assertThat(translate("SHOW ALL")).startsWith("SELECT * FROM (VALUES ('application_name', '', '')").contains("('server_version_num', '160004', '')")
                .endsWith(") AS settings(name, setting, description)");
    }

    @Test
    void settingsOfTheSessionWinOverDefaults()
    {
        TranslationContext context = session(Map.of("timezone", "Europe/Paris", "search_path", "other, public"));
        assertThat(translate("SELECT current_setting('TimeZone'), current_schema", context)).isEqualTo("SELECT 'Europe/Paris' AS current_setting, 'other' AS \"current_schema\"");
        assertThat(translate("SELECT * FROM t WHERE ts >= '2026-01-01 00:00:00'", context)).isEqualTo("SELECT * FROM t WHERE ts >= TIMESTAMP '2026-01-01 00:00:00 Europe/Paris'");
    }

    @Test
    void setConfigChangesTheSessionSetting()
    {
        TranslationContext context = session(Map.of());
        assertThat(translate("SELECT set_config('application_name', 'grafana', false)", context)).isEqualTo("SELECT 'grafana' AS set_config");
        assertThat(context.setting("application_name")).contains("grafana");
    }

    @Test
    void unknownSettingsAreUndefined()
    {
        assertThatThrownBy(() -> translate("SELECT current_setting('no_such')")).isInstanceOf(UndefinedSettingException.class)
                .hasMessage("unrecognized configuration parameter \"no_such\"");
        assertThatThrownBy(() -> translate("SHOW no_such")).isInstanceOf(UndefinedSettingException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT * FROM t WHERE body @> '{\"a\":1}'::jsonb => operator @> on jsonb is not supported",
            "SELECT * FROM t WHERE a SIMILAR TO 'x' => feature not supported: SIMILAR TO",
            "SELECT * FROM t FOR UPDATE => feature not supported: FOR UPDATE",
            "SELECT pg_foo(1) => function pg_foo(…) is not supported",
            "SELECT generate_series(1, 3) => set-returning function generate_series in an expression is not supported; use it in FROM",
            "SELECT upper(unnest(names)) FROM t => set-returning function unnest in an expression is not supported; use it in FROM",
            "SELECT a, unnest(b) FROM t GROUP BY a, b => unnest in the select list of a query with GROUP BY, HAVING or DISTINCT is not supported; use it in FROM",
            "UPDATE t SET a = 1 WHERE b = 2 RETURNING a => RETURNING is not supported: TimeFusion answers UPDATE and DELETE with the count of rows changed",
            "DELETE FROM t WHERE b = 2 RETURNING * => RETURNING is not supported: TimeFusion answers UPDATE and DELETE with the count of rows changed",
            "UPDATE t SET a = u.a FROM u, v WHERE t.id = u.id => UPDATE … FROM with more than one relation is not supported; join them in a subquery",
            "DELETE FROM t USING u, v WHERE t.id = u.id => DELETE … USING with more than one relation is not supported; join them in a subquery",
            "SELECT to_char(ts, 'FMDay') FROM t => to_char pattern 'FMDay' is not supported at 'FMDay'",
            "SELECT to_char(1.5, '999D9') => to_char pattern '999D9' is not supported at 'D9'",
            "SELECT interval '1 month 2 days' => interval '1 month 2 days' mixing months and days is not supported",
            "SELECT extract(century from ts) FROM t => extract(century from …) is not supported",
            "SELECT x::interval FROM t => cast of x to interval is not supported; write an interval literal",
            "SELECT regexp_replace(s, p, 'b') FROM t => regexp_replace is supported with a literal pattern and replacement and flags g and i only",
            "SELECT regexp_replace(s, 'a', 'b', 'x') FROM t => regexp_replace is supported with a literal pattern and replacement and flags g and i only",
            "SELECT * FROM pg_catalog.pg_stat_statements => relation pg_catalog.pg_stat_statements is not supported",
            "SELECT * FROM information_schema.routines => relation information_schema.routines is not supported",
            "SELECT DISTINCT ON (a) a, b + 1 FROM t => DISTINCT ON with select item b + 1 is not supported: give it an alias",
            "SELECT * FROM t WHERE n < ANY(limits) => operator < ANY(array) is not supported",
            "SELECT * FROM json_each(x) => function json_each(…) in FROM is not supported",
            "SELECT 1 + (information_schema._pg_expandarray(k)).n FROM i => information_schema._pg_expandarray is supported as a select item or (…).x / (…).n only",
    })
    void unsupportedConstructsAreRefusedByName(String postgres, String message)
    {
        assertThatThrownBy(() -> translate(postgres)).isInstanceOf(UnsupportedStatementException.class).hasMessage(message);
    }
}

package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.TrinoSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.timefusion.gateway.sql.TrinoSql.assertTranslation;
import static org.assertj.core.api.Assertions.assertThat;

/** Each row: a Postgres statement and the exact Trino SQL it becomes (which Trino's parser must accept). */
class TestExpressionRules
{
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT a::text FROM t => SELECT CAST(a AS varchar) AS a FROM t",
            "SELECT a::varchar(10) FROM t => SELECT CAST(a AS varchar(10)) AS a FROM t",
            "SELECT a::character varying(5) FROM t => SELECT CAST(a AS varchar(5)) AS a FROM t",
            "SELECT a::int2, b::int4, c::int8 FROM t => SELECT CAST(a AS smallint) AS a, CAST(b AS integer) AS b, CAST(c AS bigint) AS c FROM t",
            "SELECT a::smallint, b::integer, c::bigint, d::int FROM t => SELECT CAST(a AS smallint) AS a, CAST(b AS integer) AS b, CAST(c AS bigint) AS c, CAST(d AS integer) AS d FROM t",
            "SELECT a::float4, b::real FROM t => SELECT CAST(a AS real) AS a, CAST(b AS real) AS b FROM t",
            "SELECT a::float8, b::double precision, c::float FROM t => SELECT CAST(a AS double) AS a, CAST(b AS double) AS b, CAST(c AS double) AS c FROM t",
            "SELECT a::numeric FROM t => SELECT CAST(a AS decimal(38, 9)) AS a FROM t",
            "SELECT a::numeric(10,2), b::decimal(5) FROM t => SELECT CAST(a AS decimal(10, 2)) AS a, CAST(b AS decimal(5, 0)) AS b FROM t",
            "SELECT a::bool, b::boolean FROM t => SELECT CAST(a AS boolean) AS a, CAST(b AS boolean) AS b FROM t",
            "SELECT a::timestamptz FROM t => SELECT CAST(a AS timestamp(6) with time zone) AS a FROM t",
            "SELECT a::timestamp with time zone FROM t => SELECT CAST(a AS timestamp(6) with time zone) AS a FROM t",
            "SELECT a::timestamp, b::timestamp without time zone FROM t => SELECT CAST(a AS timestamp(6)) AS a, CAST(b AS timestamp(6)) AS b FROM t",
            "SELECT a::date FROM t => SELECT CAST(a AS date) AS a FROM t",
            "SELECT a::uuid FROM t => SELECT CAST(a AS uuid) AS a FROM t",
            "SELECT * FROM t WHERE project_id = $1::uuid => SELECT * FROM t WHERE project_id = CAST(CAST($1 AS uuid) AS varchar)",
            "SELECT a::json, b::jsonb FROM t => SELECT CAST(a AS json) AS a, CAST(b AS json) AS b FROM t",
            "SELECT '{\"a\":1}'::jsonb => SELECT json_parse('{\"a\":1}')",
            "SELECT $1::jsonb => SELECT json_parse($1)",
            "SELECT a::text[] FROM t => SELECT CAST(a AS array(varchar)) AS a FROM t",
            "SELECT a::int[][] FROM t => SELECT CAST(a AS array(array(integer))) AS a FROM t",
            "SELECT '{}'::text[] => SELECT CAST(ARRAY[] AS array(varchar))",
            "SELECT '{a,b}'::text[] => SELECT CAST(ARRAY['a', 'b'] AS array(varchar))",
            "SELECT '{1, 2, NULL}'::int[] => SELECT CAST(ARRAY['1', '2', NULL] AS array(integer))",
            "SELECT '{\"a b\",\"c,d\"}'::text[] => SELECT CAST(ARRAY['a b', 'c,d'] AS array(varchar))",
            "SELECT ARRAY['x']::text[] => SELECT CAST(ARRAY['x'] AS array(varchar))",
            "SELECT ARRAY[]::text[] => SELECT CAST(ARRAY[] AS array(varchar))",
            "SELECT CAST(a AS text) FROM t => SELECT CAST(a AS varchar) AS a FROM t",
            "SELECT CAST(duration AS DOUBLE PRECISION) FROM t => SELECT CAST(duration AS double) AS duration FROM t",
            "SELECT a::bytea FROM t => SELECT CAST(a AS varbinary) AS a FROM t",
            "SELECT (col)::text FROM t => SELECT CAST((col) AS varchar) AS col FROM t",
            "SELECT '2026-01-01 00:00:00+00'::timestamptz => SELECT TIMESTAMP '2026-01-01 00:00:00 +00:00'",
            "SELECT $2::timestamptz => SELECT CAST($2 AS timestamp(6) with time zone)",
            "SELECT count(*)::bigint FROM t => SELECT CAST(count(*) AS bigint) AS count FROM t",
            "SELECT a::pg_catalog.text FROM t => SELECT CAST(a AS varchar) AS a FROM t",
            "SELECT a::pg_catalog.int2[] FROM t => SELECT CAST(a AS array(smallint)) AS a FROM t",
            "SELECT a::pg_catalog.uuid FROM t => SELECT CAST(a AS uuid) AS a FROM t",
            "SELECT '{a}'::pg_catalog.text[] => SELECT CAST(ARRAY['a'] AS array(varchar))",
    })
    void castsUsePostgresTypeNames(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT interval '5 minutes' => SELECT INTERVAL '5' MINUTE",
            "SELECT INTERVAL '1 hour' => SELECT INTERVAL '1' HOUR",
            "SELECT '1 hour'::interval => SELECT INTERVAL '1' HOUR",
            "SELECT interval '1 day 2 hours' => SELECT INTERVAL '1' DAY + INTERVAL '2' HOUR",
            "SELECT interval '2 weeks' => SELECT INTERVAL '14' DAY",
            "SELECT interval '3 months' => SELECT INTERVAL '3' MONTH",
            "SELECT interval '1 year 2 mons' => SELECT INTERVAL '1' YEAR + INTERVAL '2' MONTH",
            "SELECT interval '30 seconds' => SELECT INTERVAL '30' SECOND",
            "SELECT interval '1.5 seconds' => SELECT INTERVAL '1.5' SECOND",
            "SELECT interval '01:30:00' => SELECT INTERVAL '1' HOUR + INTERVAL '30' MINUTE + INTERVAL '00' SECOND",
            "SELECT interval '-5 minutes' => SELECT INTERVAL -'5' MINUTE",
            "SELECT interval '1d' => SELECT INTERVAL '1' DAY",
            "SELECT INTERVAL '5' MINUTE => SELECT INTERVAL '5' MINUTE",
            "SELECT * FROM t WHERE ts > now() - interval '1 hour' => SELECT * FROM t WHERE ts > now() - INTERVAL '1' HOUR",
    })
    void intervalTextBecomesTrinoIntervalLiterals(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT * FROM t WHERE a ILIKE '%x%' => SELECT * FROM t WHERE lower(a) LIKE lower('%x%') ESCAPE '\\'",
            "SELECT * FROM t WHERE a NOT ILIKE 'x%' => SELECT * FROM t WHERE lower(a) NOT LIKE lower('x%') ESCAPE '\\'",
            "SELECT * FROM t WHERE a ILIKE $1 => SELECT * FROM t WHERE lower(a) LIKE lower($1) ESCAPE '\\'",
            "SELECT * FROM t WHERE a LIKE 'x%' => SELECT * FROM t WHERE a LIKE 'x%'",
            "SELECT * FROM t WHERE a LIKE 'x\\_%' => SELECT * FROM t WHERE a LIKE 'x\\_%' ESCAPE '\\'",
            "SELECT * FROM t WHERE a LIKE $1 => SELECT * FROM t WHERE a LIKE $1 ESCAPE '\\'",
            "SELECT * FROM t WHERE a NOT LIKE 'x!%' ESCAPE '!' => SELECT * FROM t WHERE a NOT LIKE 'x!%' ESCAPE '!'",
    })
    void likeMatchesAsInPostgres(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT body -> 'a' FROM t => SELECT json_extract(body, '$[\"a\"]') FROM t",
            "SELECT body ->> 'msg' FROM t => SELECT COALESCE(json_extract_scalar(body, '$[\"msg\"]'), NULLIF(json_format(json_extract(body, '$[\"msg\"]')), 'null')) FROM t",
            "SELECT body -> 'a' -> 0 FROM t => SELECT json_extract(body, '$[\"a\"][0]') FROM t",
            "SELECT body -> 'a' ->> 'b' FROM t => SELECT COALESCE(json_extract_scalar(body, '$[\"a\"][\"b\"]'), NULLIF(json_format(json_extract(body, '$[\"a\"][\"b\"]')), 'null')) FROM t",
            "SELECT body #> '{a,0}' FROM t => SELECT json_extract(body, '$[\"a\"][0]') FROM t",
            "SELECT body #>> '{a,b}' FROM t => SELECT COALESCE(json_extract_scalar(body, '$[\"a\"][\"b\"]'), NULLIF(json_format(json_extract(body, '$[\"a\"][\"b\"]')), 'null')) FROM t",
            "SELECT * FROM t WHERE body ->> 'level' = 'error' => SELECT * FROM t WHERE COALESCE(json_extract_scalar(body, '$[\"level\"]'), NULLIF(json_format(json_extract(body, '$[\"level\"]')), 'null')) = 'error'",
            "SELECT body -> 'it''s' FROM t => SELECT json_extract(body, '$[\"it''s\"]') FROM t",
    })
    void jsonOperatorsBecomeJsonExtract(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT * FROM t WHERE hashes && ARRAY['x']::text[] => SELECT * FROM t WHERE arrays_overlap(hashes, CAST(ARRAY['x'] AS array(varchar)))",
            "SELECT * FROM t WHERE hashes && $1 => SELECT * FROM t WHERE arrays_overlap(hashes, $1)",
            "SELECT * FROM t WHERE hashes && '{a,b}' => SELECT * FROM t WHERE arrays_overlap(hashes, CAST(ARRAY['a', 'b'] AS array(varchar)))",
            "SELECT * FROM t WHERE hashes @> '{a}' => SELECT * FROM t WHERE cardinality(array_except(CAST(ARRAY['a'] AS array(varchar)), hashes)) = 0",
            "SELECT * FROM t WHERE hashes @> ARRAY['x'] => SELECT * FROM t WHERE cardinality(array_except(ARRAY['x'], hashes)) = 0",
            "SELECT * FROM t WHERE ARRAY['x'] <@ hashes => SELECT * FROM t WHERE cardinality(array_except(ARRAY['x'], hashes)) = 0",
            "SELECT hashes || ARRAY['y'] FROM t => SELECT hashes || ARRAY['y'] FROM t",
            "SELECT name || '-' || kind FROM t => SELECT name || '-' || kind FROM t",
            "SELECT ARRAY[1, 2] => SELECT ARRAY[1, 2]",
            "SELECT make_array(a, b) FROM t => SELECT ARRAY[a, b] AS make_array FROM t",
            "SELECT array_element(hashes, 1) FROM t => SELECT element_at(hashes, 1) AS array_element FROM t",
            "SELECT string_to_array(s, ',') FROM t => SELECT split(s, ',') AS string_to_array FROM t",
            "SELECT array_to_string(hashes, ',') FROM t => SELECT array_join(hashes, ',') AS array_to_string FROM t",
            "SELECT pg_catalog.array_to_string(d.datacl, ', ') FROM t d => SELECT array_join(d.datacl, ', ') AS array_to_string FROM t d",
            "SELECT array_length(hashes, 1) FROM t => SELECT CAST(NULLIF(cardinality(hashes), 0) AS integer) AS array_length FROM t",
            "SELECT array_agg(name) FROM t => SELECT array_agg(name) AS array_agg FROM t",
            "SELECT right(name, 3) FROM t => SELECT substr(name, IF(3 < 0, 1 - 3, greatest(length(name) - 3 + 1, 1))) AS \"right\" FROM t",
            "INSERT INTO t (id) VALUES ('pgb-' || $1 || '-' || $2) => INSERT INTO t (id) VALUES ('pgb-' || CAST($1 AS varchar) || '-' || CAST($2 AS varchar))",
            "SELECT name || $1 FROM t => SELECT name || $1 FROM t",
            "SELECT CAST(a AS text) || $1 FROM t => SELECT CAST(a AS varchar) || CAST($1 AS varchar) FROM t",
            "SELECT concat(a, NULL, 1) FROM t => SELECT concat(coalesce(CAST(a AS varchar), ''), coalesce(CAST((NULL) AS varchar), ''), coalesce(CAST(1 AS varchar), '')) AS concat FROM t",
            "SELECT jsonb_typeof(body) FROM t => SELECT CASE WHEN body IS NULL THEN NULL ELSE CASE substr(json_format(CAST(body AS json)), 1, 1) WHEN '{' THEN 'object' WHEN '[' THEN 'array' WHEN '\"' THEN 'string' WHEN 't' THEN 'boolean' WHEN 'f' THEN 'boolean' WHEN 'n' THEN 'null' ELSE 'number' END END AS jsonb_typeof FROM t",
            "SELECT array_append(hashes, 'h') FROM t => SELECT concat(coalesce(hashes, ARRAY[]), ARRAY['h']) AS array_append FROM t",
            "SELECT array_prepend('h', hashes) FROM t => SELECT concat(ARRAY['h'], coalesce(hashes, ARRAY[])) AS array_prepend FROM t",
            "SELECT array_cat(a, b) FROM t => SELECT IF(a IS NULL AND b IS NULL, NULL, concat(coalesce(a, ARRAY[]), coalesce(b, ARRAY[]))) AS array_cat FROM t",
            "SELECT chr(65) => SELECT chr(65) AS chr",
            "SELECT hashes[2] FROM t => SELECT element_at(hashes, 2) AS hashes FROM t",
            "SELECT hashes[0], hashes[-1] FROM t => SELECT element_at(hashes, NULL) AS hashes, element_at(hashes, NULL) AS hashes FROM t",
            "SELECT hashes[n + 1] FROM t => SELECT element_at(hashes, CASE WHEN (n + 1) >= 1 THEN (n + 1) END) AS hashes FROM t",
    })
    void arrayOperatorsAndFunctions(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT now(), current_timestamp, current_date => SELECT now() AS now, current_timestamp, current_date",
            "SELECT date_trunc('hour', ts) FROM t => SELECT date_trunc('hour', ts) AS date_trunc FROM t",
            "SELECT extract(epoch from ts) FROM t => SELECT CAST(to_unixtime(ts) AS decimal(38, 6)) AS \"extract\" FROM t",
            "SELECT extract(year from ts), extract(hour from ts) FROM t => SELECT CAST(year(ts) AS decimal(38, 0)) AS \"extract\", CAST(hour(ts) AS decimal(38, 0)) AS \"extract\" FROM t",
            "SELECT extract(dow from ts) FROM t => SELECT CAST(day_of_week(ts) % 7 AS decimal(38, 0)) AS \"extract\" FROM t",
            "SELECT extract(doy from ts) FROM t => SELECT CAST(day_of_year(ts) AS decimal(38, 0)) AS \"extract\" FROM t",
            "SELECT date_part('epoch', ts) FROM t => SELECT CAST(CAST(to_unixtime(ts) AS decimal(38, 6)) AS double) AS date_part FROM t",
            "SELECT extract(epoch from time_bucket('5 minutes', timestamp))::integer FROM t => SELECT CAST(CAST(to_unixtime(time_bucket(INTERVAL '5' MINUTE, timestamp)) AS decimal(38, 6)) AS integer) AS \"extract\" FROM t",
            "SELECT time_bucket('1 hour', ts, 'UTC') FROM t => SELECT time_bucket(INTERVAL '1' HOUR, ts, 'UTC') AS time_bucket FROM t",
            "SELECT time_bucket(interval '1 day', ts) FROM t => SELECT time_bucket(INTERVAL '1' DAY, ts) AS time_bucket FROM t",
            "SELECT ts AT TIME ZONE 'UTC' FROM t => SELECT CAST(at_timezone(ts, 'UTC') AS timestamp(6)) AS timezone FROM t",
            "SELECT ts::timestamp AT TIME ZONE 'Europe/Paris' FROM t => SELECT with_timezone(CAST(ts AS timestamp(6)), 'Europe/Paris') AS timezone FROM t",
            "SELECT ts AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris' FROM t => SELECT with_timezone(CAST(at_timezone(ts, 'UTC') AS timestamp(6)), 'Europe/Paris') AS timezone FROM t",
            "SELECT at_time_zone(ts, 'UTC') FROM t => SELECT CAST(at_timezone(ts, 'UTC') AS timestamp(6)) AS at_time_zone FROM t",
            "SELECT to_char(ts, 'YYYY-MM-DD HH24:MI:SS') FROM t => SELECT date_format(ts, '%Y-%m-%d %H:%i:%s') AS to_char FROM t",
            "SELECT to_char(ts, 'DD Mon YYYY') FROM t => SELECT date_format(ts, '%d %b %Y') AS to_char FROM t",
            "SELECT to_char(ts, 'YYYY\"T\"HH24') FROM t => SELECT date_format(ts, '%YT%H') AS to_char FROM t",
            "SELECT * FROM t WHERE timestamp >= '2026-01-01 00:00:00+00' => SELECT * FROM t WHERE timestamp >= TIMESTAMP '2026-01-01 00:00:00 +00:00'",
            "SELECT * FROM t WHERE timestamp < '2026-01-01T10:00:00Z' => SELECT * FROM t WHERE timestamp < TIMESTAMP '2026-01-01 10:00:00 UTC'",
            "SELECT * FROM t WHERE timestamp >= '2026-01-01 10:00' => SELECT * FROM t WHERE timestamp >= TIMESTAMP '2026-01-01 10:00:00 UTC'",
            "SELECT * FROM t WHERE '2026-01-01 00:00:00.5+02:00' <= timestamp => SELECT * FROM t WHERE TIMESTAMP '2026-01-01 00:00:00.5 +02:00' <= timestamp",
            "SELECT * FROM t WHERE timestamp BETWEEN '2026-01-01 00:00:00' AND '2026-01-02 00:00:00' => SELECT * FROM t WHERE timestamp BETWEEN TIMESTAMP '2026-01-01 00:00:00 UTC' AND TIMESTAMP '2026-01-02 00:00:00 UTC'",
            "SELECT * FROM t WHERE date = '2026-03-01' => SELECT * FROM t WHERE date = DATE '2026-03-01'",
            "SELECT * FROM t WHERE '2026-03-01' <= t.date => SELECT * FROM t WHERE DATE '2026-03-01' <= t.date",
            "SELECT * FROM t WHERE date BETWEEN '2026-03-01' AND '2026-03-07' => SELECT * FROM t WHERE date BETWEEN DATE '2026-03-01' AND DATE '2026-03-07'",
            "SELECT * FROM t WHERE timestamp >= '2026-03-01' AND observed_timestamp < '2026-03-02' => SELECT * FROM t WHERE timestamp >= TIMESTAMP '2026-03-01 00:00:00 UTC' AND observed_timestamp < TIMESTAMP '2026-03-02 00:00:00 UTC'",
            "SELECT * FROM t WHERE name = '2026-03-01' => SELECT * FROM t WHERE name = '2026-03-01'",
            "SELECT * FROM t WHERE timestamp > TIMESTAMPTZ '2026-01-01 00:00:00+00' => SELECT * FROM t WHERE timestamp > TIMESTAMP '2026-01-01 00:00:00 +00:00'",
            "SELECT INT '1', BIGINT '3', TEXT 'x', BOOLEAN 'true', FLOAT8 '1.5' => SELECT CAST('1' AS integer), CAST('3' AS bigint), CAST('x' AS varchar), CAST('true' AS boolean), CAST('1.5' AS double)",
            "SELECT UUID '0B6A3F4E6C1D4C579F3E2A1D5E7C9B10' => SELECT CAST('0b6a3f4e-6c1d-4c57-9f3e-2a1d5e7c9b10' AS uuid)",
            "SELECT DATE '2026-01-01', TIMESTAMP '2026-01-01 10:00:00' => SELECT DATE '2026-01-01', TIMESTAMP '2026-01-01 10:00:00'",
            "SELECT NUMERIC '12.34', DECIMAL '1.5', NUMERIC(10, 3) '2.5' => SELECT DECIMAL '12.34', DECIMAL '1.5', CAST('2.5' AS decimal(10, 3))",
            "SELECT date - DATE '2026-01-01' FROM t => SELECT CAST(date_diff('day', DATE '2026-01-01', date) AS integer) FROM t",
            "SELECT date + 1 FROM t => SELECT date_add('day', 1, date) FROM t",
            "SELECT extract(epoch from interval '1 day') => SELECT CAST(CAST(to_milliseconds((INTERVAL '1' DAY)) AS decimal(38, 6)) / 1000 AS decimal(38, 6)) AS \"extract\"",
            "SELECT extract(epoch from (t2 - t1)) FROM t => SELECT CAST(to_unixtime(t2) AS decimal(38, 6)) - CAST(to_unixtime(t1) AS decimal(38, 6)) AS \"extract\" FROM t",
            "SELECT (date + 1) - date FROM t => SELECT CAST(date_diff('day', date, ((date_add('day', 1, date)))) AS integer) FROM t",
            "SELECT * FROM t WHERE day = '2026-01-01' => SELECT * FROM t WHERE day = '2026-01-01'",
            "SELECT * FROM t WHERE name = 'abc' => SELECT * FROM t WHERE name = 'abc'",
    })
    void dateAndTimeExpressions(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @Test
    void timestampTextWithoutAZoneIsInTheSessionsTimeZoneWhicheverWayTheTypeIsSpelled()
    {
        TranslationContext warsaw = TrinoSql.session(Map.of("timezone", "Europe/Warsaw"));
        for (String timestampWithTimeZone : List.of("'2026-01-01 10:00:00'::timestamptz", "'2026-01-01 10:00:00'::timestamp with time zone",
                "TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00'", "TIMESTAMPTZ '2026-01-01 10:00:00'", "CAST('2026-01-01 10:00:00' AS timestamp(6) with time zone)")) {
            assertThat(TrinoSql.translate("SELECT " + timestampWithTimeZone, warsaw)).isEqualTo("SELECT TIMESTAMP '2026-01-01 10:00:00 Europe/Warsaw'");
        }
        assertThat(TrinoSql.translate("SELECT '2026-01-01 10:00:00'::timestamp", warsaw)).isEqualTo("SELECT CAST('2026-01-01 10:00:00' AS timestamp(6))");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT COUNT(*) FILTER (WHERE status_code = 'ERROR') FROM t => SELECT COUNT(*) FILTER (WHERE status_code = 'ERROR') FROM t",
            "SELECT ROUND(x::numeric, 2) FROM t => SELECT CAST(round(CAST(x AS decimal(38, 9)), 2) AS decimal(38, 2)) AS round FROM t",
            "SELECT round(x) FROM t => SELECT round(x) AS round FROM t",
            "SELECT GREATEST(a, b), LEAST(a, b) FROM t => SELECT greatest(coalesce(a, b), coalesce(b, a)) AS greatest, least(coalesce(a, b), coalesce(b, a)) AS least FROM t",
            "SELECT percentile_agg(duration) FROM t => SELECT tdigest_agg(CAST(duration AS double)) AS percentile_agg FROM t",
            "SELECT approx_percentile(0.95, percentile_agg(CAST(duration AS DOUBLE PRECISION))) FROM t => SELECT value_at_quantile(tdigest_agg(CAST(CAST(duration AS double) AS double)), 0.95) AS approx_percentile FROM t",
            "SELECT approx_percentile(duration, 0.95) FROM t => SELECT approx_percentile(duration, 0.95) AS approx_percentile FROM t",
            "SELECT distinct_count(approx_count_distinct(x))::float FROM t => SELECT CAST(cardinality(approx_set(x)) AS double) AS distinct_count FROM t",
            "SELECT jsonb_build_array(a, 'b') FROM t => SELECT CAST(ARRAY[CAST(a AS json), json_parse('\"b\"')] AS json) AS jsonb_build_array FROM t",
            "SELECT to_jsonb(a), to_json(b) FROM t => SELECT CAST(a AS json) AS to_jsonb, CAST(b AS json) AS to_json FROM t",
            "SELECT sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t => SELECT sum(postgres_sum_argument(x)) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t",
            "SELECT avg(x) OVER (ORDER BY b RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t => SELECT avg(x) OVER (ORDER BY b RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t",
            "SELECT regexp_replace(s, 'a(b)', '<\\1>', 'g') FROM t => SELECT regexp_replace(s, 'a(b)', '<$1>') AS regexp_replace FROM t",
            "SELECT regexp_replace(s, 'a(b)', '<\\1\\&>') FROM t => SELECT regexp_replace(s, '(?s)^(.*?)(a(b))', '$1<$3$2>') AS regexp_replace FROM t",
            "SELECT regexp_replace(s, 'A', 'x', 'i') FROM t => SELECT regexp_replace(s, '(?s)(?i)^(.*?)(A)', '$1x') AS regexp_replace FROM t",
            "SELECT regexp_replace(s, 'a', '$', 'gi') FROM t => SELECT regexp_replace(s, '(?i)a', '\\$') AS regexp_replace FROM t",
            "SELECT E'a\\nb' => \"SELECT 'a\nb'\"",
            "SELECT E'it\\'s' => SELECT 'it''s'",
            "SELECT string_agg(name, ', ') FROM t => SELECT CASE WHEN count(name) > 0 THEN array_join(array_agg(name), ', ') END AS string_agg FROM t",
            "SELECT string_agg(name, ',' ORDER BY name DESC) FROM t => SELECT CASE WHEN count(name) > 0 THEN array_join(array_agg(name ORDER BY name DESC NULLS FIRST), ',') END AS string_agg FROM t",
            "SELECT e'tab\\there' => \"SELECT 'tab\there'\"",
    })
    void aggregatesAndFunctions(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }
}

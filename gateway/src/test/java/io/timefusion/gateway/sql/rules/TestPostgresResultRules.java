package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.pgwire.types.PgDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.timefusion.gateway.sql.TrinoSql.assertTranslation;
import static io.timefusion.gateway.sql.TrinoSql.session;
import static io.timefusion.gateway.sql.TrinoSql.translate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules that make Trino answer with Postgres' result: the same value (NULLs in GREATEST, uuid text forms) and the
 * same type (int4 counts, numeric extract, numeric round). Each row: a Postgres statement and the exact Trino SQL
 * it becomes (which Trino's parser must accept).
 */
class TestPostgresResultRules
{
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT '0b6a3f4e6c1d4c579f3e2a1d5e7c9b10'::uuid => SELECT CAST('0b6a3f4e-6c1d-4c57-9f3e-2a1d5e7c9b10' AS uuid)",
            "SELECT '{0B6A3F4E-6C1D-4C57-9F3E-2A1D5E7C9B10}'::uuid => SELECT CAST('0b6a3f4e-6c1d-4c57-9f3e-2a1d5e7c9b10' AS uuid)",
            "SELECT '0b6a-3f4e-6c1d-4c57-9f3e-2a1d-5e7c-9b10'::uuid => SELECT CAST('0b6a3f4e-6c1d-4c57-9f3e-2a1d5e7c9b10' AS uuid)",
            "SELECT $1::uuid => SELECT CAST($1 AS uuid)",
            "SELECT '0b6a3f4e-6c1d-4c57-9f3e-2a1d5e7c9b10'::uuid::text => SELECT CAST(CAST('0b6a3f4e-6c1d-4c57-9f3e-2a1d5e7c9b10' AS uuid) AS varchar)",
    })
    void uuidTextIsReadAsPostgresReadsItAndStaysAUuid(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @Test
    void uuidTextPostgresRejectsIsAnInvalidTextRepresentation()
    {
        assertThatThrownBy(() -> translate("SELECT '0b6a3f4e6c1d'::uuid"))
                .isInstanceOfSatisfying(PgDataException.class, e -> assertThat(e.sqlState()).isEqualTo("22P02"))
                .hasMessage("invalid input syntax for type uuid: \"0b6a3f4e6c1d\"");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT * FROM t WHERE project_id = $1::uuid => SELECT * FROM t WHERE project_id = CAST(CAST($1 AS uuid) AS varchar)",
            "SELECT * FROM t WHERE '0b6a3f4e6c1d4c579f3e2a1d5e7c9b10'::uuid <> project_id => SELECT * FROM t WHERE CAST(CAST('0b6a3f4e-6c1d-4c57-9f3e-2a1d5e7c9b10' AS uuid) AS varchar) <> project_id",
            "SELECT * FROM t WHERE $1::uuid = $2::uuid => SELECT * FROM t WHERE CAST($1 AS uuid) = CAST($2 AS uuid)",
            "SELECT * FROM t WHERE project_id IN ($1::uuid, $2) => SELECT * FROM t WHERE project_id IN (CAST(CAST($1 AS uuid) AS varchar), $2)",
            "SELECT * FROM t WHERE $1::uuid NOT IN (a, b) => SELECT * FROM t WHERE CAST(CAST($1 AS uuid) AS varchar) NOT IN (a, b)",
            "SELECT * FROM t WHERE $1::uuid IN ($2::uuid) => SELECT * FROM t WHERE CAST($1 AS uuid) IN (CAST($2 AS uuid))",
    })
    void uuidComparedWithAnythingButAUuidIsComparedAsCanonicalText(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT cardinality(hashes) FROM t => SELECT CAST(cardinality(hashes) AS integer) AS cardinality FROM t",
            "SELECT length(name), strpos(name, 'x') FROM t => SELECT CAST(length(name) AS integer) AS length, CAST(strpos(name, 'x') AS integer) AS strpos FROM t",
            "SELECT position('x' IN name) FROM t => SELECT CAST(strpos(name, 'x') AS integer) AS position FROM t",
            "SELECT char_length(name), character_length(name) FROM t => SELECT CAST(length(name) AS integer) AS char_length, CAST(length(name) AS integer) AS character_length FROM t",
            "SELECT octet_length(name), bit_length(name) FROM t => SELECT CAST(length(to_utf8(name)) AS integer) AS octet_length, CAST(8 * length(to_utf8(name)) AS integer) AS bit_length FROM t",
            "SELECT ascii(name) FROM t => SELECT IF(length(name) = 0, 0, codepoint(CAST(substr(name, 1, 1) AS varchar(1)))) AS ascii FROM t",
            "SELECT * FROM t WHERE hashes @> ARRAY['x'] => SELECT * FROM t WHERE cardinality(array_except(ARRAY['x'], hashes)) = 0",
            "SELECT distinct_count(approx_count_distinct(x)) FROM t => SELECT cardinality(approx_set(x)) AS distinct_count FROM t",
    })
    void countsArePostgresIntegersWhereTheClientWroteThem(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT greatest(a, b, c) FROM t => SELECT greatest(coalesce(a, b, c), coalesce(b, a, c), coalesce(c, a, b)) AS greatest FROM t",
            "SELECT least(a) FROM t => SELECT a AS least FROM t",
            "SELECT GREATEST(duration, 500000000) FROM t => SELECT greatest(coalesce(duration, 500000000), coalesce(500000000, duration)) AS greatest FROM t",
    })
    void greatestAndLeastIgnoreNulls(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT $1::date + 1 => SELECT date_add('day', 1, CAST($1 AS date))",
            "SELECT 7 + '2025-03-01'::date => SELECT date_add('day', 7, CAST('2025-03-01' AS date))",
            "SELECT current_date - $1::int => SELECT date_add('day', -CAST($1 AS integer), (current_date))",
            "SELECT DATE '2025-03-01' + $1 => SELECT date_add('day', $1, DATE '2025-03-01')",
            "SELECT $1::date + interval '1 day' => SELECT CAST($1 AS date) + INTERVAL '1' DAY",
    })
    void dateAndIntegerCountDays(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT round(avg(d)::numeric / 1000000, 2) FROM t => SELECT CAST(round(CAST(CAST(avg(d) AS decimal(38, 9)) / 1000000 AS decimal(38, 9)), 2) AS decimal(38, 2)) AS round FROM t",
            "SELECT round(x, 12) FROM t => SELECT CAST(round(CAST(x AS decimal(38, 12)), 12) AS decimal(38, 12)) AS round FROM t",
            "SELECT round(x::numeric(10, 2), 1) FROM t => SELECT CAST(round(CAST(x AS decimal(10, 2)), 1) AS decimal(38, 1)) AS round FROM t",
            "SELECT round(x, n) FROM t => SELECT round(x, n) AS round FROM t",
    })
    void roundAnswersANumericWithTheRequestedScale(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT sum(duration), sum(DISTINCT n) FROM t => SELECT sum(postgres_sum_argument(duration)) AS sum, sum(DISTINCT postgres_sum_argument(n)) AS sum FROM t",
            "SELECT sum(x) FILTER (WHERE y > 0) FROM t => SELECT sum(postgres_sum_argument(x)) FILTER (WHERE y > 0) FROM t",
            "SELECT round(sum(d)::numeric, -6) FROM t => SELECT CAST(round(CAST(sum(postgres_sum_argument(d)) AS decimal(38, 9)), -6) AS decimal(38, 0)) AS round FROM t",
            "SELECT sum(d) OVER (ORDER BY ts) FROM t => SELECT sum(postgres_sum_argument(d)) OVER (ORDER BY ts) FROM t",
    })
    void sumIsTypedAsPostgresTypesIt(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT sum(duration) / count(*) FROM t => SELECT postgres_divide(sum(postgres_sum_argument(duration)), count(*)) FROM t",
            "SELECT 100.0 * count(*) FILTER (WHERE level = 'ERROR') / count(*) AS pct FROM t => "
                    + "SELECT postgres_divide(100.0 * count(*) FILTER (WHERE level = 'ERROR'), count(*)) AS pct FROM t",
            "SELECT count(*)::numeric / sum(n) FROM t => SELECT postgres_divide(CAST(count(*) AS decimal(38, 9)), sum(postgres_sum_argument(n))) FROM t",
    })
    void aQuotientOfAggregatesDividesAsPostgresDoes(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT duration / 1000000.0 FROM t => SELECT duration / CAST(1000000.0 AS decimal(23, 16)) FROM t",
            "SELECT 1.5 / n FROM t => SELECT CAST(1.5 AS decimal(17, 16)) / n FROM t",
            "SELECT duration / 1000000 FROM t => SELECT duration / 1000000 FROM t",
            "SELECT duration / 1e6 FROM t => SELECT duration / 1e6 FROM t",
    })
    void divisionByANumericLiteralKeepsSixteenDecimals(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT extract(second from ts) FROM t => SELECT CAST(second(ts) AS decimal(38, 6)) + (CAST(to_unixtime(ts) AS decimal(38, 6)) - floor(CAST(to_unixtime(ts) AS decimal(38, 6)))) AS \"extract\" FROM t",
            "SELECT date_part('minute', ts) FROM t => SELECT CAST(CAST(minute(ts) AS decimal(38, 0)) AS double) AS date_part FROM t",
            "SELECT extract(milliseconds from ts) FROM t => SELECT CAST((CAST(second(ts) AS decimal(38, 6)) + (CAST(to_unixtime(ts) AS decimal(38, 6)) - floor(CAST(to_unixtime(ts) AS decimal(38, 6))))) * 1000 AS decimal(38, 3)) AS \"extract\" FROM t",
    })
    void extractIsNumericAndDatePartDouble(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "SELECT n FROM generate_series(1, 5) AS g(n) => SELECT n FROM UNNEST(CAST(sequence(1, 5) AS array(integer))) AS g(n)",
            "SELECT n FROM generate_series(1, 3000000000) AS g(n) => SELECT n FROM UNNEST(sequence(1, 3000000000)) AS g(n)",
            "SELECT n FROM generate_series($1::int, $2::int) AS g(n) => SELECT n FROM UNNEST(CAST(sequence(CAST($1 AS integer), CAST($2 AS integer)) AS array(integer))) AS g(n)",
            "SELECT h FROM generate_series('2025-03-01 00:00:00+00'::timestamptz, '2025-03-01 05:00:00+00'::timestamptz, interval '1 hour') AS g(h) => SELECT h FROM UNNEST(transform(sequence(CAST(at_timezone(TIMESTAMP '2025-03-01 00:00:00 +00:00', 'UTC') AS timestamp(6)), CAST(at_timezone(TIMESTAMP '2025-03-01 05:00:00 +00:00', 'UTC') AS timestamp(6)), (INTERVAL '1' HOUR)), t -> with_timezone(t, 'UTC'))) AS g(h)",
            "SELECT h FROM generate_series($1::timestamptz, $2::timestamptz, '1 day') AS g(h) => SELECT h FROM UNNEST(transform(sequence(CAST(at_timezone(CAST($1 AS timestamp(6) with time zone), 'UTC') AS timestamp(6)), CAST(at_timezone(CAST($2 AS timestamp(6) with time zone), 'UTC') AS timestamp(6)), (INTERVAL '1' DAY)), t -> with_timezone(t, 'UTC'))) AS g(h)",
    })
    void generateSeriesIsTypedAsPostgresTypesIt(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @Test
    void timestamptzSeriesStepsOnTheSessionsWallClock()
    {
        assertThat(translate("SELECT h FROM generate_series(a, b, interval '1 day') AS g(h)", session(Map.of("timezone", "Europe/Berlin"))))
                .isEqualTo("SELECT h FROM UNNEST(transform(sequence(CAST(at_timezone(a, 'Europe/Berlin') AS timestamp(6)), CAST(at_timezone(b, 'Europe/Berlin') AS timestamp(6)), (INTERVAL '1' DAY)), t -> with_timezone(t, 'Europe/Berlin'))) AS g(h)");
    }
}

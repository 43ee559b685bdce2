package io.timefusion.gateway.sql;

import io.timefusion.gateway.sql.TranslatedStatement.Writes;
import io.timefusion.gateway.trino.TrinoType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.timefusion.gateway.sql.TrinoSql.translated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the translator tells the rest of the gateway about a statement, read from its parse tree. */
class TestTranslatedStatement
{
    @Test
    void aQueryReadsEveryTableItNamesAnywhere()
    {
        TranslatedStatement statement = translated("WITH recent AS (SELECT * FROM otel_logs_and_spans) SELECT r.name, (SELECT max(x) FROM timefusion.public.\"Other\"), "
                + "count(*) FILTER (WHERE r.id IN (SELECT id FROM fifth)) FROM recent r JOIN third t ON t.id = r.id WHERE r.id IN (SELECT id FROM fourth) "
                + "GROUP BY r.name ORDER BY (SELECT max(y) FROM sixth)");

        assertThat(statement.kind()).isEqualTo(StatementKind.QUERY);
        assertThat(statement.tablesRead()).hasValueSatisfying(tables -> assertThat(tables).contains("otel_logs_and_spans", "other", "third", "fourth", "fifth", "sixth"));
        assertThat(statement.writes()).isEqualTo(new Writes.Nothing());
        assertThat(statement.cacheable()).isTrue();
    }

    @Test
    void plainReadsAreCacheable()
    {
        for (String sql : List.of(
                "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'p1' AND timestamp > TIMESTAMP '2025-03-01 00:00:00 UTC'",
                "  /* dashboard */ (SELECT 1)",
                "VALUES (1, 'a')",
                "SELECT CAST(id AS uuid) FROM t",
                "SELECT nowhere, random_column, current_dates, 'now()' FROM t",
                "SHOW timezone")) {
            assertThat(translated(sql).cacheable()).as(sql).isTrue();
        }
    }

    @Test
    void queriesWithVolatileFunctionsOrLiveSystemTablesAreNotCacheable()
    {
        for (String sql : List.of(
                "SELECT count(*) FROM t WHERE timestamp > now() - INTERVAL '1 hour'",
                "SELECT * FROM t WHERE timestamp > NOW ()",
                "SELECT \"now\"()",
                "SELECT pg_catalog.now()",
                "SELECT clock_timestamp()",
                "SELECT current_timestamp",
                "SELECT current_time",
                "SELECT * FROM t WHERE date = current_date",
                "SELECT localtime",
                "SELECT localtimestamp",
                "SELECT random()",
                "SELECT gen_random_uuid()",
                "SELECT * FROM t TABLESAMPLE BERNOULLI (10)",
                "SELECT * FROM system.runtime.queries",
                "SELECT count(*) FROM \"system\".\"runtime\".nodes",
                "WITH n AS (SELECT now() AS t) SELECT * FROM n",
                "SELECT * FROM t WHERE id IN (SELECT id FROM u ORDER BY random() LIMIT 1)")) {
            assertThat(translated(sql).cacheable()).as(sql).isFalse();
        }
    }

    @Test
    void statementsTrinoReadsAsWrittenAreNotCacheable()
    {
        for (String sql : List.of("SHOW TABLES", "DESCRIBE otel_logs_and_spans", "EXPLAIN SELECT 1", "CREATE TABLE t (a integer)")) {
            assertThat(translated(sql).cacheable()).as(sql).isFalse();
        }
    }

    @Test
    void aWriteWritesItsTargetTable()
    {
        assertThat(translated("INSERT INTO t (id) VALUES ('a')").writes()).isEqualTo(new Writes.Table("t"));
        assertThat(translated("insert into timefusion.public.Some_Table(id) select id from other").writes()).isEqualTo(new Writes.Table("some_table"));
        assertThat(translated("/* batch */ INSERT INTO \"Odd Table\" VALUES (1)").writes()).isEqualTo(new Writes.Table("odd table"));
        assertThat(translated("UPDATE public.\"OTEL_LOGS_AND_SPANS\" SET name = 'x'").writes()).isEqualTo(new Writes.Table("otel_logs_and_spans"));
        assertThat(translated("DELETE FROM otel_logs_and_spans WHERE project_id = 'p'").writes()).isEqualTo(new Writes.Table("otel_logs_and_spans"));
        assertThat(translated("DELETE FROM otel_logs_and_spans o USING unnest(ARRAY['a']) AS u(id) WHERE o.id = u.id").writes())
                .isEqualTo(new Writes.Table("otel_logs_and_spans"));
        assertThat(translated("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE").writes()).isEqualTo(new Writes.Table("t"));
    }

    @Test
    void anInsertOfRowsTheGatewayWritesItselfWritesItsTableWithoutTrinoSql()
    {
        TranslatedStatement statement = translated("INSERT INTO otel_logs_and_spans (id, name) VALUES ('a', 'b')");

        assertThat(statement.ingest()).isPresent();
        assertThat(statement.trinoSql()).isEmpty();
        assertThat(statement.writes()).isEqualTo(new Writes.Table("otel_logs_and_spans"));
    }

    @Test
    void statementsTrinoReadsAsWrittenMayWriteAnything()
    {
        for (String sql : List.of("DROP TABLE t", "CREATE TABLE t AS SELECT 1 AS a", "EXECUTE statement1", "EXPLAIN ANALYZE SELECT 1")) {
            assertThat(translated(sql).writes()).as(sql).isEqualTo(new Writes.Unknown());
        }
        assertThat(translated("EXPLAIN SELECT 1").writes()).isEqualTo(new Writes.Nothing());
    }

    @Test
    void theGatewaysOwnStatementsAreClassifiedWithoutTrinoSql()
    {
        assertThat(translated("BEGIN").kind()).isEqualTo(StatementKind.BEGIN);
        assertThat(translated("SET search_path = public").kind()).isEqualTo(StatementKind.SET);
        assertThat(translated("COPY otel_logs_and_spans FROM STDIN").kind()).isEqualTo(StatementKind.COPY);
        assertThat(translated("CALL timefusion.system.register_project('p')").kind()).isEqualTo(StatementKind.CALL);
        assertThat(translated(" -- nothing\n ; ").kind()).isEqualTo(StatementKind.EMPTY);
        assertThat(translated("COMMIT").trinoSql()).isEmpty();
    }

    @Test
    void aParameterCastToATypeHasThatType()
    {
        assertThat(translated("SELECT id FROM t WHERE hashes && $2::text[] AND ts >= CAST($1 AS timestamptz)").parameterCasts())
                .containsOnlyKeys(1, 2)
                .containsEntry(2, TrinoType.parse("array(varchar)"))
                .containsEntry(1, TrinoType.parse("timestamp(6) with time zone"));
    }

    @Test
    void aParameterInsideACastExpressionIsNotTypedByIt()
    {
        assertThat(translated("SELECT CAST($1 + 1 AS bigint), CAST('$3' AS integer)").parameterCasts()).isEmpty();
    }

    @Test
    void aParameterCastToTwoTypesHasNone()
    {
        assertThat(translated("SELECT CAST($1 AS integer), CAST($1 AS varchar), CAST($2 AS numeric(38, 9))").parameterCasts()).containsOnlyKeys(2);
    }

    @Test
    void eachBareParameterOfAnInsertFillsItsColumn()
    {
        TranslatedStatement statement = translated("INSERT INTO public.some_table (id, \"Timestamp\", body) VALUES ($1, $2, coalesce($3, 'x,y')), ($4, $5, $6)");

        assertThat(statement.insertTargets()).hasValue(new InsertTargets("some_table", Map.of(1, "id", 2, "timestamp", 4, "id", 5, "timestamp", 6, "body")));
        assertThat(translated("SELECT * FROM t WHERE a = $1").insertTargets()).isEmpty();
        assertThat(translated("INSERT INTO t SELECT $1").insertTargets()).isEmpty();
    }

    @Test
    void parametersAreBoundWhereTheTranslatorPrintedThem()
    {
        TranslatedStatement statement = translated("SELECT '$1 in text', $2 || x, \"$1\" FROM t WHERE a = $1 /* $3 */ LIMIT $3");

        assertThat(statement.parameterCount()).isEqualTo(3);
        assertThat(statement.trino().bind(number -> "<" + number + ">"))
                .isEqualTo("SELECT '$1 in text', <2> || x, \"$1\" FROM t WHERE a = <1> LIMIT <3>");
    }

    @Test
    void aParameterNoBindCanFillIsUndefined()
    {
        for (String sql : List.of("SELECT $0", "SELECT $65536", "INSERT INTO otel_logs_and_spans (id) VALUES ($0)", "INSERT INTO t (id) VALUES (upper($0))")) {
            assertThatThrownBy(() -> translated(sql)).as(sql).isInstanceOf(UndefinedParameterException.class).hasMessageStartingWith("there is no parameter $");
        }
    }

    @Test
    void catalogRelationsJoinARecursiveWithList()
    {
        String trinoSql = TrinoSql.translate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT i, (SELECT count(*) FROM pg_am) FROM n");

        assertThat(trinoSql).startsWith("WITH RECURSIVE pg_am AS (").contains("), n (i) AS (SELECT 1 UNION ALL");
    }

    @Test
    void catalogRelationsReadByTheQueryOfAnInsertAreDefinedInThatQuery()
    {
        String trinoSql = TrinoSql.translate("INSERT INTO t (name) SELECT amname FROM pg_am WHERE amname = $1");

        assertThat(trinoSql).startsWith("INSERT INTO t (name) WITH pg_am AS (").endsWith(" SELECT amname FROM pg_am WHERE amname = $1");
    }
}

package io.timefusion.gateway.sql;

import org.junit.jupiter.api.Test;

import static io.timefusion.gateway.sql.TrinoSql.assertTranslation;
import static io.timefusion.gateway.sql.TrinoSql.translate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPostgresDialectTranslator
{
    @Test
    void trinoSqlPassesThroughUnchanged()
    {
        assertTranslation(
                "SELECT count(*) AS count FROM otel_logs_and_spans WHERE timestamp >= TIMESTAMP '2025-01-01 00:00:00 UTC' AND contains(hashes, 'x')",
                "SELECT count(*) AS count FROM otel_logs_and_spans WHERE timestamp >= TIMESTAMP '2025-01-01 00:00:00 UTC' AND contains(hashes, 'x')");
    }

    @Test
    void anyOfASubqueryStays()
    {
        assertTranslation("SELECT * FROM t WHERE id = ANY (SELECT id FROM u)", "SELECT * FROM t WHERE id = ANY(SELECT id FROM u)");
    }

    @Test
    void pgCatalogTablesAreAnsweredFromCommonTableExpressions()
    {
        String translated = translate("SELECT n.nspname = ANY(current_schemas(true)), t.typname FROM pg_catalog.pg_type t "
                + "JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = $1");
        assertThat(translated)
                .startsWith("WITH pg_type AS (SELECT CAST(r.\"oid\" AS integer) AS \"oid\"")
                .contains("), pg_namespace AS (SELECT CAST(r.\"oid\" AS integer) AS \"oid\"")
                .endsWith("SELECT contains(ARRAY['pg_catalog', 'public'], n.nspname), t.typname FROM pg_type t JOIN pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = $1");
    }

    @Test
    void unqualifiedCatalogTablesAreEmulatedToo()
    {
        assertThat(translate("SELECT relname FROM pg_class")).startsWith("WITH pg_class AS (").endsWith(" SELECT relname FROM pg_class");
    }

    @Test
    void statementsWithTheirOwnWithClauseGetTheCatalogTablesFirst()
    {
        assertThat(translate("WITH x AS (SELECT amname FROM pg_am) SELECT * FROM x"))
                .startsWith("WITH pg_am AS (")
                .endsWith("), x AS (SELECT amname FROM pg_am) SELECT * FROM x");
    }

    @Test
    void subqueriesOfAQueryJoiningARowlessCatalogRelationAreNull()
    {
        assertThat(translate("SELECT p.pubname, (CASE WHEN pr.prattrs IS NOT NULL THEN (SELECT max(s) FROM generate_series(0, 2) s WHERE s = pr.prrelid) END) "
                + "FROM pg_catalog.pg_publication p JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid"))
                .endsWith(" SELECT p.pubname, NULL AS \"case\" FROM pg_publication p JOIN pg_publication_rel pr ON p.oid = pr.prpubid");
    }

    @Test
    void subqueriesOfAnAggregateOverARowlessCatalogRelationStay()
    {
        assertThat(translate("SELECT count(*), (SELECT 1) FROM pg_catalog.pg_index i")).endsWith(" SELECT count(*) AS count, (SELECT 1) FROM pg_index i");
    }

    @Test
    void subqueriesOfAQueryOuterJoiningARowlessCatalogRelationStay()
    {
        assertThat(translate("SELECT c.relname, (SELECT 1) FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid"))
                .endsWith(" SELECT c.relname, (SELECT 1) FROM pg_class c LEFT JOIN pg_index i ON i.indrelid = c.oid");
    }

    @Test
    void unionBranchesJoiningARowlessCatalogRelationAreLeftOut()
    {
        assertThat(translate("SELECT c.relname FROM pg_catalog.pg_class c UNION ALL SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid"))
                .endsWith(" SELECT c.relname FROM pg_class c");
    }

    @Test
    void recursiveQueriesAreNamedFromTheirFirstTerm()
    {
        assertTranslation("WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r",
                "WITH RECURSIVE r (n) AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r");
    }

    @Test
    void psqlsQualifiedOperatorsAndDefaultCollationAreRead()
    {
        assertTranslation("SELECT 1 FROM t c WHERE c.relname OPERATOR(pg_catalog.~) '^(x)$' COLLATE pg_catalog.default",
                "SELECT 1 FROM t c WHERE regexp_like(c.relname, '^(x)$')");
    }

    @Test
    void literalsMentioningTheCatalogAreLeftAlone()
    {
        assertTranslation("SELECT 'pg_catalog.pg_type = ANY(x) OPERATOR(pg_catalog.~)' AS text", "SELECT 'pg_catalog.pg_type = ANY(x) OPERATOR(pg_catalog.~)' AS text");
    }

    @Test
    void catalogTablesNotEmulatedAreRefusedAsUnsupported()
    {
        assertThatThrownBy(() -> translate("SELECT * FROM pg_catalog.pg_stat_activity"))
                .isInstanceOf(UnsupportedStatementException.class)
                .hasMessage("relation pg_catalog.pg_stat_activity is not supported");
    }

    @Test
    void statementsThatDoNotScanAreSyntaxErrors()
    {
        assertThatThrownBy(() -> translate("SELECT 'unterminated FROM t"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageStartingWith("syntax error: ");
    }

    @Test
    void statementsBeginningWithNoStatementKeywordAreSyntaxErrors()
    {
        assertThatThrownBy(() -> translate("SELEC 1"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("syntax error at or near \"SELEC\"");
    }

    @Test
    void intervalsWithAFieldRangeAreReadInTheStandardFormat()
    {
        assertTranslation("SELECT INTERVAL '1 02:03:04.5' DAY TO SECOND, interval '1-2' year to month",
                "SELECT INTERVAL '1' DAY + INTERVAL '2' HOUR + INTERVAL '3' MINUTE + INTERVAL '04.5' SECOND, INTERVAL '1' YEAR + INTERVAL '2' MONTH");
    }

    @Test
    void intervalsWithAFieldRangeKeepPostgresSignPerField()
    {
        assertTranslation("SELECT INTERVAL '-1 02:00' DAY TO MINUTE, INTERVAL '03:04.5' MINUTE TO SECOND",
                "SELECT INTERVAL -'1' DAY + INTERVAL '2' HOUR + INTERVAL '0' MINUTE, INTERVAL '0' HOUR + INTERVAL '3' MINUTE + INTERVAL '04.5' SECOND");
    }

    @Test
    void intervalTextOutsideTheStandardFormatOfItsRangeIsUnsupported()
    {
        assertThatThrownBy(() -> translate("SELECT INTERVAL '1 day' DAY TO SECOND"))
                .isInstanceOf(UnsupportedStatementException.class)
                .hasMessage("interval '1 day' DAY TO SECOND is supported in the SQL standard's format only");
    }

    @Test
    void otherStatementsJSqlParserCannotReadAreUnsupported()
    {
        assertThatThrownBy(() -> translate("SELECT * FROM t TABLESAMPLE BERNOULLI (10) REPEATABLE (1) x y z"))
                .isInstanceOf(UnsupportedStatementException.class)
                .hasMessageStartingWith("statement not supported by the translator: ");
    }

    @Test
    void statementsOtherThanQueriesAndWritesGoToTrinoAsWritten()
    {
        assertThat(TrinoSql.translated("SHOW TABLES").trinoSql()).isEqualTo("SHOW TABLES");
    }
}

package io.timefusion.gateway.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPostgresDialectTranslator
{
    private final PostgresDialectTranslator translator = new PostgresDialectTranslator();

    @Test
    void trinoSqlPassesThroughUnchanged()
    {
        String sql = "SELECT count(*) FROM otel_logs_and_spans WHERE timestamp >= TIMESTAMP '2025-01-01 00:00:00 UTC' AND contains(hashes, 'x')";
        assertThat(translator.toTrino(sql)).isEqualTo(sql);
    }

    @Test
    void anyOfAnArrayBecomesContains()
    {
        assertThat(translator.toTrino("SELECT * FROM t WHERE 'x' = ANY(hashes) AND t.kind = any (ARRAY['a', 'b)'])"))
                .isEqualTo("SELECT * FROM t WHERE contains(hashes, 'x') AND contains(ARRAY['a', 'b)'], t.kind)");
    }

    @Test
    void anyOfASubqueryStays()
    {
        String sql = "SELECT * FROM t WHERE id = ANY (SELECT id FROM u)";
        assertThat(translator.toTrino(sql)).isEqualTo(sql);
    }

    @Test
    void pgCatalogTablesAreAnsweredFromCommonTableExpressions()
    {
        String translated = translator.toTrino("SELECT n.nspname = ANY(current_schemas(true)), t.typname FROM pg_catalog.pg_type t "
                + "JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = $1");
        assertThat(translated)
                .startsWith("WITH pg_type AS (SELECT * FROM (VALUES (16, 'bool', 11,")
                .contains("), pg_namespace AS (SELECT * FROM (VALUES (11, 'pg_catalog', 10), (2200, 'public', 10), (13000, 'information_schema', 10))")
                .endsWith("SELECT contains(ARRAY['pg_catalog', 'public'], n.nspname), t.typname FROM pg_type t JOIN pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = $1");
    }

    @Test
    void regularExpressionOperatorsBecomeRegexpLike()
    {
        assertThat(translator.toTrino("SELECT 1 FROM t WHERE n.nspname !~ '^pg_toast' AND name ~* 'get' AND c.relname OPERATOR(pg_catalog.~) '^(x)$' COLLATE pg_catalog.default"))
                .isEqualTo("SELECT 1 FROM t WHERE NOT regexp_like(n.nspname, '^pg_toast') AND regexp_like(name, '(?i)' || 'get') AND regexp_like(c.relname, '^(x)$')");
    }

    @Test
    void psqlCatalogFunctionsAreAnsweredForOurSingleOwnerAndSearchPath()
    {
        assertThat(translator.toTrino("SELECT pg_catalog.pg_get_userbyid(c.relowner) AS owner FROM t c WHERE pg_catalog.pg_table_is_visible(c.oid)"))
                .isEqualTo("SELECT 'postgres' AS owner FROM t c WHERE true");
    }

    @Test
    void literalsMentioningTheCatalogAreLeftAlone()
    {
        String sql = "SELECT 'pg_catalog.pg_type = ANY(x)' AS text";
        assertThat(translator.toTrino(sql)).isEqualTo(sql);
    }

    @Test
    void catalogTablesNotEmulatedYetAreRefusedAsUnsupported()
    {
        assertThatThrownBy(() -> translator.toTrino("SELECT * FROM pg_catalog.pg_proc"))
                .isInstanceOf(UnsupportedStatementException.class)
                .hasMessage("pg_catalog.pg_proc is not supported");
    }
}

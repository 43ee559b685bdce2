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
                .contains("), pg_namespace AS (SELECT * FROM (VALUES (11, 'pg_catalog', 10), (2200, 'public', 10))")
                .endsWith("SELECT contains(ARRAY['pg_catalog', 'public'], n.nspname), t.typname FROM pg_type t JOIN pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = $1");
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

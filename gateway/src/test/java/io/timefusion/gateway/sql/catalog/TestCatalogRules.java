package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.UnsupportedStatementException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.timefusion.gateway.sql.TrinoSql.assertTranslation;
import static io.timefusion.gateway.sql.TrinoSql.session;
import static io.timefusion.gateway.sql.TrinoSql.translate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's functions and casts as the translator emits them (every emitted statement parses with trino-parser). */
class TestCatalogRules
{
    @Test
    void ownerOfTheSessionRoleIsTheConnectedUser()
    {
        assertTranslation("SELECT pg_catalog.pg_get_userbyid(x) FROM t",
                "SELECT CASE WHEN x = 10 THEN 'alice' ELSE 'unknown (OID=' || CAST(x AS varchar) || ')' END AS pg_get_userbyid FROM t");
    }

    @Test
    void formatTypeNamesTypesAsPostgresPrintsThem()
    {
        String translated = translate("SELECT format_type(a.atttypid, a.atttypmod) FROM t a");
        assertThat(translated).contains("WHEN 1184 THEN 'timestamp with time zone'").contains("WHEN 1009 THEN 'text[]'").contains("WHEN 23 THEN 'integer'")
                .contains("ELSE CASE WHEN a.atttypid IS NULL THEN NULL ELSE '???' END END");
    }

    @Test
    void tableVisibilityFollowsTheSearchPath()
    {
        assertThat(translate("SELECT 1 FROM t c WHERE pg_catalog.pg_table_is_visible(c.oid)"))
                .startsWith("WITH pg_class AS (")
                .endsWith("SELECT 1 FROM t c WHERE c.oid IN (SELECT oid FROM pg_class WHERE relnamespace IN (11, 2200))");
    }

    @Test
    void encodingSixIsUtf8()
    {
        assertTranslation("SELECT pg_encoding_to_char(d.encoding) FROM t d", "SELECT CASE WHEN d.encoding = 6 THEN 'UTF8' ELSE '' END AS pg_encoding_to_char FROM t d");
    }

    @Test
    void currentSchemasListsTheSearchPath()
    {
        assertTranslation("SELECT current_schemas(true), current_schemas(false)", "SELECT ARRAY['pg_catalog', 'public'] AS current_schemas, ARRAY['public'] AS current_schemas");
    }

    @Test
    void descriptionsAndExpressionsOfTheCatalogAreNull()
    {
        assertTranslation("SELECT col_description(a.attrelid, a.attnum), pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) FROM t",
                "SELECT CAST(NULL AS varchar) AS col_description, CAST(NULL AS varchar) AS pg_get_expr FROM t");
    }

    @Test
    void aRelationNameCastToRegclassIsItsOid()
    {
        assertTranslation("SELECT 'pg_class'::regclass, 'otel_logs_and_spans'::pg_catalog.regclass",
                "SELECT %d, %d".formatted(CatalogOids.relation("pg_catalog", "pg_class"), CatalogOids.relation("public", "otel_logs_and_spans")));
    }

    @Test
    void anOidCastToRegclassIsTheRelationName()
    {
        assertThat(translate("SELECT c.oid::pg_catalog.regclass FROM t c")).endsWith("SELECT (SELECT relname FROM pg_class WHERE oid = c.oid) AS oid FROM t c");
    }

    @Test
    void regprocLiteralsAreFunctionNames()
    {
        assertTranslation("SELECT typinput = 'pg_catalog.array_in'::regproc FROM t", "SELECT typinput = 'array_in' FROM t");
    }

    @Test
    void aTypeNameCastToRegtypeIsItsOid()
    {
        assertTranslation("SELECT 'timestamptz'::regtype, 'text[]'::regtype", "SELECT 1184, 1009");
    }

    @Test
    void anUnknownTypeNameIsRefused()
    {
        assertThatThrownBy(() -> translate("SELECT 'geometry'::regtype")).isInstanceOf(UnsupportedStatementException.class);
    }

    @Test
    void aStringComparedWithAnOidColumnIsAnOid()
    {
        assertTranslation("SELECT 1 FROM t c WHERE c.oid = '16384' AND '7' = a.attrelid AND c.relname = '16384'",
                "SELECT 1 FROM t c WHERE c.oid = 16384 AND 7 = a.attrelid AND c.relname = '16384'");
    }

    @Test
    void anArrayLiteralComparedWithAnOidArrayColumnIsAnArrayOfOids()
    {
        assertTranslation("SELECT 1 FROM t pol WHERE pol.polroles = '{0}' OR '{}' = pol.polroles OR pol.polname = '{0}' OR polroles <> '{0, 10}'",
                "SELECT 1 FROM t pol WHERE pol.polroles = CAST(ARRAY[0] AS array(integer)) OR CAST(ARRAY[] AS array(integer)) = pol.polroles OR pol.polname = '{0}' OR polroles <> CAST(ARRAY[0, 10] AS array(integer))");
    }

    @Test
    void arrayOfASubqueryAggregatesItsRowsInOrder()
    {
        assertTranslation("SELECT ARRAY(SELECT b.rolname FROM r b WHERE b.oid = m.oid ORDER BY 1) FROM m",
                "SELECT COALESCE((SELECT array_agg(b.rolname ORDER BY b.rolname) FROM r b WHERE b.oid = m.oid), ARRAY[]) AS array FROM m");
    }

    @Test
    void arrayOfASubqueryWithALimitIsUnsupported()
    {
        assertThatThrownBy(() -> translate("SELECT ARRAY(SELECT x FROM t LIMIT 2)")).isInstanceOf(UnsupportedStatementException.class);
    }

    @Test
    void arrayBoundsOfTheFirstDimension()
    {
        assertTranslation("SELECT array_upper(a, 1), array_lower(a, 1) FROM t",
                "SELECT NULLIF(CAST(cardinality(a) AS integer), 0) AS array_upper, CASE WHEN CAST(cardinality(a) AS integer) > 0 THEN 1 END AS array_lower FROM t");
    }

    @Test
    void otherDimensionsAreUnsupported()
    {
        assertThatThrownBy(() -> translate("SELECT array_upper(a, 2) FROM t")).isInstanceOf(UnsupportedStatementException.class);
    }

    @Test
    void quoteIdentQuotesKeywordsAndMixedCase()
    {
        String translated = translate("SELECT quote_ident(column_name) FROM t");
        assertThat(translated).startsWith("SELECT CASE WHEN regexp_like(column_name, '^[a-z_][a-z0-9_$]*$') AND NOT column_name IN (")
                .contains("'timestamp'").doesNotContain("'abort'")
                .endsWith("ELSE '\"' || replace(column_name, '\"', '\"\"') || '\"' END AS quote_ident FROM t");
    }

    @Test
    void parseIdentSplitsALiteral()
    {
        assertTranslation("SELECT parse_ident('Public.\"My \"\"T\"')", "SELECT ARRAY['public', 'My \"T'] AS parse_ident");
    }

    @Test
    void parseIdentOfAColumnIsUnsupported()
    {
        assertThatThrownBy(() -> translate("SELECT parse_ident(name) FROM t")).isInstanceOf(UnsupportedStatementException.class);
    }

    @Test
    void informationSchemaRelationsAreNamedApartFromUserTables()
    {
        assertThat(translate("SELECT column_name FROM information_schema.columns"))
                .startsWith("WITH information_schema_columns AS (")
                .endsWith("SELECT column_name FROM information_schema_columns AS columns");
    }

    @Test
    void relationsWithoutRowsAreTypedAndEmpty()
    {
        assertThat(translate("SELECT polname FROM pg_catalog.pg_policy"))
                .startsWith("WITH pg_policy AS (SELECT CAST(NULL AS integer) AS \"oid\", CAST(NULL AS varchar) AS \"polname\"")
                .contains(" WHERE false)");
    }

    @Test
    void pgSettingsHoldsTheSessionsValueBesideTheDefault()
    {
        assertThat(translate("SELECT setting FROM pg_settings WHERE name = 'TimeZone'", session(Map.of("timezone", "Europe/Paris"))))
                .contains("('TimeZone', 'Europe/Paris', 'string', 'session', 'UTC')")
                .contains("('search_path', '\"$user\", public', 'string', 'default', '\"$user\", public')")
                .endsWith(" SELECT setting FROM pg_settings WHERE name = 'TimeZone'");
    }

    @Test
    void pgStatGssapiDescribesTheSessionsBackend()
    {
        assertThat(translate("SELECT encrypted FROM pg_catalog.pg_stat_gssapi WHERE pid = pg_backend_pid()"))
                .contains("SELECT 4242 AS pid, false AS gss_authenticated")
                .endsWith(" SELECT encrypted FROM pg_stat_gssapi WHERE pid = 4242");
    }

    @Test
    void theSessionRoleHoldsEveryPrivilegeOnWhatItOwns()
    {
        assertTranslation("SELECT has_database_privilege(db.oid, 'CREATE') AS c, has_schema_privilege('public', 'USAGE') AS u FROM t db",
                "SELECT true AS c, true AS u FROM t db");
    }
}

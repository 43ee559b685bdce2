package io.timefusion.gateway.sql;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Postgres constructs the gateway rewrites for Trino so far: references to the emulated pg_catalog tables
 * (answered from a common table expression), {@code current_schemas(…)}, {@code pg_get_userbyid},
 * {@code pg_table_is_visible}, the regular-expression operators and {@code operand = ANY(array)}.
 * Everything else passes through unchanged, so statements already in Trino SQL keep working.
 */
public class PostgresDialectTranslator
        implements SqlTranslator
{
    @Override
    public String toTrino(String postgresSql)
    {
        Set<String> catalogTables = new LinkedHashSet<>();
        String sql = CodeRewriter.replaceInCode(postgresSql, "(?i)\\bpg_catalog\\s*\\.\\s*(pg_[a-z_]+)\\b(?!\\s*\\()", match -> {
            String table = match.group(1).toLowerCase(Locale.ROOT);
            if (PgCatalogTables.definition(table).isEmpty()) {
                throw new UnsupportedStatementException("pg_catalog." + table + " is not supported");
            }
            catalogTables.add(table);
            return table;
        });
        sql = CodeRewriter.replaceInCode(sql, "(?i)\\bcurrent_schemas\\s*\\(\\s*(true|false)\\s*\\)",
                match -> match.group(1).equalsIgnoreCase("true") ? "ARRAY['pg_catalog', 'public']" : "ARRAY['public']");
        // psql's catalog queries: every table is ours and visible on the search path
        sql = FunctionCallRewriter.rewrite(sql, "pg_get_userbyid", _ -> "'postgres'");
        sql = FunctionCallRewriter.rewrite(sql, "pg_table_is_visible", _ -> "true");
        sql = CodeRewriter.replaceInCode(sql, "(?i)\\s+COLLATE\\s+pg_catalog\\s*\\.\\s*\"?default\"?", _ -> "");
        sql = RegexMatchRewriter.rewrite(sql);
        sql = AnyOfArrayRewriter.rewrite(sql);
        return catalogTables.isEmpty() ? sql : withCatalogTables(sql, catalogTables);
    }

    private static String withCatalogTables(String sql, Set<String> tables)
    {
        String definitions = tables.stream()
                .map(table -> table + " AS (" + PgCatalogTables.definition(table).orElseThrow() + ")")
                .collect(Collectors.joining(", "));
        String trimmed = sql.stripLeading();
        if (StatementKind.firstKeyword(trimmed).equals("WITH")) {
            return "WITH " + definitions + ", " + trimmed.substring(4).stripLeading();
        }
        return "WITH " + definitions + " " + trimmed;
    }
}

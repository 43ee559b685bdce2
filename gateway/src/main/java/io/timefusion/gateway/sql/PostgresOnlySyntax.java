package io.timefusion.gateway.sql;

/**
 * The textual pre-pass for Postgres syntax JSqlParser cannot read; each replacement keeps the statement's meaning.
 * Applied only to SQL code, never inside literals, quoted identifiers or comments.
 */
final class PostgresOnlySyntax
{
    private PostgresOnlySyntax() {}

    static String normalize(String sql)
    {
        // psql's describe queries write operators in their qualified form, OPERATOR(pg_catalog.~); JSqlParser has no
        // grammar for it, and the qualified operator is the plain one (nobody can define another in our catalog)
        String result = CodeRewriter.replaceInCode(sql, "(?i)\\bOPERATOR\\s*\\(\\s*pg_catalog\\s*\\.\\s*([^\\s)]+)\\s*\\)", match -> " " + match.group(1) + " ");
        // psql asks for the default collation, which is the only one there is; "default" is a keyword to JSqlParser
        return CodeRewriter.replaceInCode(result, "(?i)\\s+COLLATE\\s+(?:pg_catalog\\s*\\.\\s*)?\"?default\"?", _ -> "");
    }
}

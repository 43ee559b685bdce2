package io.timefusion.gateway.sql;

/**
 * Turns one statement of the Postgres dialect into Trino SQL. The wire protocol hands statements in and runs what
 * comes out; it knows nothing about either dialect.
 */
public interface SqlTranslator
{
    /**
     * @param context what the session knows that the statement may ask about (settings, user, database)
     * @return the Trino statement; empty when the text holds none (only comments and semicolons)
     * @throws UnsupportedStatementException when the statement has no faithful Trino translation (0A000)
     * @throws SqlSyntaxException when the statement is not SQL at all (42601)
     */
    String toTrino(String postgresSql, TranslationContext context);
}

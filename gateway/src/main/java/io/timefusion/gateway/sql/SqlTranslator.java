package io.timefusion.gateway.sql;

/**
 * Turns one statement of the Postgres dialect into Trino SQL and what else the gateway needs to know of it. The wire
 * protocol hands statements in and runs what comes out; it knows nothing about either dialect.
 */
public interface SqlTranslator
{
    /**
     * @param context what the session knows that the statement may ask about (settings, user, database)
     * @return the statement as the translator understood it, with its Trino SQL
     * @throws UnsupportedStatementException when the statement has no faithful Trino translation (0A000)
     * @throws SqlSyntaxException when the statement is not SQL at all (42601)
     */
    TranslatedStatement translate(String postgresSql, TranslationContext context);
}

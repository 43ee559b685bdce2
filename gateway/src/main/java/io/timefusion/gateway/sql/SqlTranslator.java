package io.timefusion.gateway.sql;

/**
 * Turns one statement of the Postgres dialect into Trino SQL. The wire protocol hands statements in and runs what
 * comes out; it knows nothing about either dialect.
 */
public interface SqlTranslator
{
    /** @throws UnsupportedStatementException when the statement has no faithful Trino translation */
    String toTrino(String postgresSql);
}

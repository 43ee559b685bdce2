package io.timefusion.gateway.sql;

/** Statements that already are Trino SQL go through unchanged; the Postgres dialect translator replaces this. */
public class PassThroughTranslator
        implements SqlTranslator
{
    @Override
    public String toTrino(String postgresSql)
    {
        return postgresSql;
    }
}

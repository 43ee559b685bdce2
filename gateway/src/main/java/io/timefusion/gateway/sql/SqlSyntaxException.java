package io.timefusion.gateway.sql;

/** A statement Postgres would reject as malformed too (SQLSTATE 42601, syntax_error). */
public class SqlSyntaxException
        extends RuntimeException
{
    public SqlSyntaxException(String message)
    {
        super(message);
    }
}

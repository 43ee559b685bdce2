package io.timefusion.gateway.sql;

/** A statement that cannot be run faithfully (Postgres SQLSTATE 0A000, feature_not_supported). */
public class UnsupportedStatementException
        extends RuntimeException
{
    public UnsupportedStatementException(String message)
    {
        super(message);
    }
}

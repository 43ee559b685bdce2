package io.timefusion.gateway.trino;

import static java.util.Objects.requireNonNull;

/** A failure as a Postgres client sees it: a SQLSTATE and a message, never a stack trace. */
public record PgError(String sqlState, String message)
{
    public PgError
    {
        requireNonNull(sqlState, "sqlState is null");
        requireNonNull(message, "message is null");
    }
}

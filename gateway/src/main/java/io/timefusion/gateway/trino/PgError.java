package io.timefusion.gateway.trino;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A failure as a Postgres client sees it: a SQLSTATE, a message and where it happened (Postgres' CONTEXT, e.g. the
 * line of a COPY), never a stack trace.
 */
public record PgError(String sqlState, String message, Optional<String> context)
{
    public PgError
    {
        requireNonNull(sqlState, "sqlState is null");
        requireNonNull(message, "message is null");
        requireNonNull(context, "context is null");
    }

    public PgError(String sqlState, String message)
    {
        this(sqlState, message, Optional.empty());
    }
}

package io.timefusion.gateway.server;

import io.timefusion.gateway.trino.PgError;

/** A protocol-level failure with its SQLSTATE decided where it happens (unknown portal, duplicate statement, …). */
final class PgErrorException
        extends RuntimeException
{
    private final PgError error;

    PgErrorException(String sqlState, String message)
    {
        this(new PgError(sqlState, message));
    }

    PgErrorException(PgError error)
    {
        super(error.message());
        this.error = error;
    }

    PgError error()
    {
        return error;
    }
}

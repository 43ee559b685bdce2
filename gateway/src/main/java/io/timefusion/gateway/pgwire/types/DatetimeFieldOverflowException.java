package io.timefusion.gateway.pgwire.types;

/** SQLSTATE 22008: a well-formed date, time or interval outside what the type holds, e.g. February 30th. */
public final class DatetimeFieldOverflowException
        extends PgDataException
{
    public DatetimeFieldOverflowException(String message)
    {
        super("22008", message);
    }
}

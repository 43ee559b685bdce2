package io.timefusion.gateway.pgwire.types;

/** SQLSTATE 22003: a well-formed number the type cannot hold, e.g. {@code value "99999" is out of range for type smallint}. */
public final class NumericValueOutOfRangeException
        extends PgDataException
{
    public NumericValueOutOfRangeException(String message)
    {
        super("22003", message);
    }
}

package io.timefusion.gateway.pgwire.types;

/**
 * A value could not be converted to or from its wire form. The message is worded as Postgres words it, and
 * {@link #sqlState()} is the code Postgres reports, so the server can pass both to the client unchanged.
 */
public abstract sealed class PgDataException
        extends RuntimeException
        permits InvalidTextRepresentationException, InvalidBinaryRepresentationException, NumericValueOutOfRangeException,
        DatetimeFieldOverflowException, CharacterNotInRepertoireException
{
    private final String sqlState;

    PgDataException(String sqlState, String message)
    {
        super(message);
        this.sqlState = sqlState;
    }

    public String sqlState()
    {
        return sqlState;
    }
}

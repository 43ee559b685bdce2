package io.timefusion.gateway.sql;

/** A {@code $n} that no parameter can fill: $0, or beyond the 65535 parameters the protocol can bind (SQLSTATE 42P02, undefined_parameter). */
public class UndefinedParameterException
        extends RuntimeException
{
    // a Bind carries at most this many values (its count is an int16)
    private static final int MAX_PARAMETER = 65_535;

    private UndefinedParameterException(long number)
    {
        super("there is no parameter $" + number);
    }

    /** The number of a {@code $n} a Bind can fill. */
    public static int checked(int number)
    {
        if (number < 1 || number > MAX_PARAMETER) {
            throw new UndefinedParameterException(number);
        }
        return number;
    }
}

package io.timefusion.gateway.sql;

/** A backslash escape of an escape string that Postgres cannot read, such as a Unicode escape with too few hex digits (SQLSTATE 22025, invalid_escape_sequence). */
public class InvalidEscapeSequenceException
        extends RuntimeException
{
    public InvalidEscapeSequenceException(String message)
    {
        super(message);
    }
}

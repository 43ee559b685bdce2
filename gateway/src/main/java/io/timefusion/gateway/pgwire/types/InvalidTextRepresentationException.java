package io.timefusion.gateway.pgwire.types;

/** SQLSTATE 22P02: text that is not a valid literal of the type, e.g. {@code invalid input syntax for type integer: "abc"}. */
public final class InvalidTextRepresentationException
        extends PgDataException
{
    public InvalidTextRepresentationException(String message)
    {
        super("22P02", message);
    }

    static InvalidTextRepresentationException invalidSyntax(String sqlTypeName, String text)
    {
        return new InvalidTextRepresentationException("invalid input syntax for type %s: \"%s\"".formatted(sqlTypeName, text));
    }
}

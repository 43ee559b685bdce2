package io.timefusion.gateway.pgwire.types;

/** SQLSTATE 22021: bytes that are not valid UTF-8, or a NUL character, which no Postgres text value may hold. */
public final class CharacterNotInRepertoireException
        extends PgDataException
{
    public CharacterNotInRepertoireException(String message)
    {
        super("22021", message);
    }
}

package io.timefusion.gateway.pgwire.types;

/** SQLSTATE 22P03: bytes that are not a valid binary-format value of the type, e.g. a wrong length. */
public final class InvalidBinaryRepresentationException
        extends PgDataException
{
    public InvalidBinaryRepresentationException(String message)
    {
        super("22P03", message);
    }

    static void requireLength(byte[] bytes, int length, String sqlTypeName)
    {
        if (bytes.length != length) {
            throw new InvalidBinaryRepresentationException("invalid binary representation for type %s: expected %d bytes, got %d"
                    .formatted(sqlTypeName, length, bytes.length));
        }
    }
}

package io.timefusion.gateway.pgwire.types;

/**
 * Converts values of one Postgres type between their Java form and the two wire formats. Text follows what
 * PostgreSQL prints with DateStyle=ISO, MDY, IntervalStyle=postgres, extra_float_digits=1, TimeZone=UTC and
 * client_encoding=UTF8, and accepts what clients send. Values are never null: SQL NULL never reaches a codec.
 * Input Postgres would refuse, and values outside a type's range, raise a {@link PgDataException} carrying
 * Postgres' message and SQLSTATE.
 *
 * @param <T> the Java class of the values
 */
public interface PgTypeCodec<T>
{
    /** The class of the values, used to check untyped values before they are encoded. */
    Class<T> javaType();

    byte[] encodeText(T value);

    byte[] encodeBinary(T value);

    T decodeText(byte[] text);

    T decodeBinary(byte[] binary);
}

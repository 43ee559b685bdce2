package io.timefusion.gateway.ingest;

import io.timefusion.gateway.pgwire.types.PgDataException;
import io.timefusion.gateway.pgwire.types.PgType;

import static java.nio.charset.StandardCharsets.UTF_8;

/** How the bytes of a bound parameter become a value for a column, through the pgwire type codecs. */
final class ParameterValues
{
    private ParameterValues() {}

    static Object decode(IngestColumn column, BindValue value, PgType<?> natural)
            throws IngestException
    {
        if (value.raw() == null) {
            return null;
        }
        PgType<?> type = value.declaredTypeOid() == 0 ? natural : PgType.byOid(value.declaredTypeOid())
                .orElseThrow(() -> new IngestException("42704", "type with OID %d does not exist".formatted(value.declaredTypeOid())));
        if (!value.binary()) {
            // text is read by the column's own type, whatever the client declared: Postgres' input function of the target
            return natural.elementOid() != 0 ? decodeText(column, natural, new String(value.raw(), UTF_8)) : new String(value.raw(), UTF_8);
        }
        try {
            return type.decodeBinary(value.raw());
        }
        catch (PgDataException e) {
            throw new IngestException(e.sqlState(), "%s (column %s)".formatted(e.getMessage(), column.name()), e);
        }
    }

    static Object decodeText(IngestColumn column, PgType<?> type, String text)
            throws IngestException
    {
        try {
            return type.decodeText(text.getBytes(UTF_8));
        }
        catch (PgDataException e) {
            throw new IngestException(e.sqlState(), "%s (column %s)".formatted(e.getMessage(), column.name()), e);
        }
    }

    /** The Postgres type a value of the column travels as when the client does not say. */
    static PgType<?> naturalType(IngestColumn column)
    {
        return switch (column.type()) {
            case VARCHAR -> PgType.VARCHAR;
            case JSON -> PgType.JSONB;
            case INTEGER -> PgType.INT4;
            case BIGINT -> PgType.INT8;
            case BOOLEAN -> PgType.BOOL;
            case TIMESTAMPTZ -> PgType.TIMESTAMPTZ;
            case DATE -> PgType.DATE;
            case VARCHAR_ARRAY -> PgType.TEXT_ARRAY;
        };
    }

    static PgType<?> arrayType(IngestColumn column)
    {
        return switch (column.type()) {
            case VARCHAR, VARCHAR_ARRAY -> PgType.TEXT_ARRAY;
            case JSON -> PgType.JSONB_ARRAY;
            case INTEGER -> PgType.INT4_ARRAY;
            case BIGINT -> PgType.INT8_ARRAY;
            case BOOLEAN -> PgType.BOOL_ARRAY;
            case TIMESTAMPTZ -> PgType.TIMESTAMPTZ_ARRAY;
            case DATE -> PgType.DATE_ARRAY;
        };
    }
}

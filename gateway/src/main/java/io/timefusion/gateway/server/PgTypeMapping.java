package io.timefusion.gateway.server;

import io.timefusion.gateway.pgwire.types.PgType;
import io.timefusion.gateway.trino.TrinoType;

/** How a Trino type looks to a Postgres client: json as jsonb, timestamp with time zone as timestamptz, array(varchar) as text[]. */
public final class PgTypeMapping
{
    private PgTypeMapping() {}

    public static PgType<?> forTrino(TrinoType type)
    {
        return switch (type.kind()) {
            case BOOLEAN -> PgType.BOOL;
            case SMALLINT -> PgType.INT2;
            case INTEGER -> PgType.INT4;
            case BIGINT -> PgType.INT8;
            case REAL -> PgType.FLOAT4;
            case DOUBLE -> PgType.FLOAT8;
            case DECIMAL -> PgType.NUMERIC;
            case CHAR -> PgType.BPCHAR;
            case VARBINARY -> PgType.BYTEA;
            case JSON -> PgType.JSONB;
            case DATE -> PgType.DATE;
            case TIME -> PgType.TIME;
            case TIMESTAMP -> PgType.TIMESTAMP;
            case TIMESTAMP_TZ -> PgType.TIMESTAMPTZ;
            case UUID -> PgType.UUID_TYPE;
            case INTERVAL_DAY_TO_SECOND, INTERVAL_YEAR_TO_MONTH -> PgType.INTERVAL;
            case ARRAY -> PgType.byOid(forTrino(type.elementType()).arrayTypeOid()).orElse(PgType.TEXT_ARRAY);
            case VARCHAR, OTHER -> PgType.TEXT;
        };
    }
}

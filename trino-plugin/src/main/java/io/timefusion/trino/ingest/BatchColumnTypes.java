package io.timefusion.trino.ingest;

import io.timefusion.contract.BatchColumnType;
import io.timefusion.trino.metadata.TableColumn;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.StandardTypes;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/** The batch column type each Trino type of the table travels as in the {@link io.timefusion.contract.BatchFormat batch format}. */
final class BatchColumnTypes
{
    private BatchColumnTypes() {}

    static BatchColumnType of(TableColumn column)
    {
        if (column.type().equals(VARCHAR)) {
            return BatchColumnType.VARCHAR;
        }
        if (column.type().getTypeSignature().getBase().equals(StandardTypes.JSON)) {
            return BatchColumnType.JSON;
        }
        if (column.type().equals(INTEGER)) {
            return BatchColumnType.INTEGER;
        }
        if (column.type().equals(BIGINT)) {
            return BatchColumnType.BIGINT;
        }
        if (column.type().equals(BOOLEAN)) {
            return BatchColumnType.BOOLEAN;
        }
        if (column.type().equals(TIMESTAMP_TZ_MICROS)) {
            return BatchColumnType.TIMESTAMPTZ;
        }
        if (column.type().equals(DATE)) {
            return BatchColumnType.DATE;
        }
        if (column.type().equals(new ArrayType(VARCHAR))) {
            return BatchColumnType.VARCHAR_ARRAY;
        }
        throw new IllegalArgumentException("No batch type code for column %s of type %s".formatted(column.name(), column.type()));
    }
}

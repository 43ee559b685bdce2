package io.timefusion.trino.ingest;

import io.timefusion.trino.metadata.TableColumn;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.StandardTypes;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The batch wire format, version 1: the rows of one INSERT or COPY as the gateway sends them to
 * {@code ingest_batch}. Column-major, so that each column decodes in one tight loop into its block builder. All
 * integers are little-endian.
 * <pre>
 * header   "TFB" (3 bytes), version (1 byte) = 1, row count (int32), column count (int16)
 * columns  per column: name length (int16), name (UTF-8), type code (1 byte)
 * values   per column, per row, by type code:
 *   1 varchar, 2 json      length (int32, -1 = NULL), UTF-8 bytes
 *   3 integer              presence (1 byte: 0 = NULL, 1 = value), int32
 *   4 bigint               presence, int64
 *   5 boolean              1 byte: 0 = NULL, 1 = false, 2 = true
 *   6 timestamptz          presence, int64 microseconds since 1970-01-01T00:00Z
 *   7 date                 presence, int32 days since 1970-01-01
 *   8 array(varchar)       element count (int32, -1 = NULL), per element: length (int32, -1 = NULL), UTF-8 bytes
 * </pre>
 * Columns of the table that the batch leaves out are NULL (the writer stores NULL {@code hashes} and
 * {@code summary} as empty arrays); {@code date} is always derived from {@code timestamp}. JSON values are stored
 * without insignificant whitespace, as Trino's json_parse does. A format of our own rather than Arrow IPC or Avro: those
 * would add a large dependency to both the gateway and the plugin for what is, here, a length-prefixed copy of
 * seven scalar types, and decoding this one is a loop of Slice reads straight into BlockBuilders.
 */
public final class BatchFormat
{
    static final byte[] MAGIC = {'T', 'F', 'B'};
    static final int VERSION = 1;

    static final int VARCHAR_CODE = 1;
    static final int JSON_CODE = 2;
    static final int INTEGER_CODE = 3;
    static final int BIGINT_CODE = 4;
    static final int BOOLEAN_CODE = 5;
    static final int TIMESTAMPTZ_CODE = 6;
    static final int DATE_CODE = 7;
    static final int VARCHAR_ARRAY_CODE = 8;

    private BatchFormat() {}

    /** The type code a column of the table travels as. */
    static int typeCode(TableColumn column)
    {
        if (column.type().equals(VARCHAR)) {
            return VARCHAR_CODE;
        }
        if (column.type().getTypeSignature().getBase().equals(StandardTypes.JSON)) {
            return JSON_CODE;
        }
        if (column.type().equals(INTEGER)) {
            return INTEGER_CODE;
        }
        if (column.type().equals(BIGINT)) {
            return BIGINT_CODE;
        }
        if (column.type().equals(BOOLEAN)) {
            return BOOLEAN_CODE;
        }
        if (column.type().equals(TIMESTAMP_TZ_MICROS)) {
            return TIMESTAMPTZ_CODE;
        }
        if (column.type().equals(DATE)) {
            return DATE_CODE;
        }
        if (column.type().equals(new ArrayType(VARCHAR))) {
            return VARCHAR_ARRAY_CODE;
        }
        throw new IllegalArgumentException("No batch type code for column %s of type %s".formatted(column.name(), column.type()));
    }
}

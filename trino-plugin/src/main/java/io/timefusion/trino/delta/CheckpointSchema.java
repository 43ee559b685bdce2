package io.timefusion.trino.delta;

import io.trino.spi.type.ArrayType;
import io.trino.spi.type.MapType;
import io.trino.spi.type.RowType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeOperators;

import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RowType.field;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The columns of a Delta checkpoint file (one struct column per action type), as Trino types, in the layout
 * the Delta protocol's "Checkpoint Schema" section describes.
 */
final class CheckpointSchema
{
    static final MapType STRING_MAP = new MapType(VARCHAR, VARCHAR, new TypeOperators());

    static final RowType TXN = RowType.from(List.of(
            field("appId", VARCHAR),
            field("version", BIGINT),
            field("lastUpdated", BIGINT)));

    static final RowType ADD = RowType.from(List.of(
            field("path", VARCHAR),
            field("partitionValues", STRING_MAP),
            field("size", BIGINT),
            field("modificationTime", BIGINT),
            field("dataChange", BOOLEAN),
            field("stats", VARCHAR),
            field("tags", STRING_MAP)));

    static final RowType REMOVE = RowType.from(List.of(
            field("path", VARCHAR),
            field("deletionTimestamp", BIGINT),
            field("dataChange", BOOLEAN)));

    static final RowType FORMAT = RowType.from(List.of(
            field("provider", VARCHAR),
            field("options", STRING_MAP)));

    static final RowType METADATA = RowType.from(List.of(
            field("id", VARCHAR),
            field("name", VARCHAR),
            field("description", VARCHAR),
            field("format", FORMAT),
            field("schemaString", VARCHAR),
            field("partitionColumns", new ArrayType(VARCHAR)),
            field("configuration", STRING_MAP),
            field("createdTime", BIGINT)));

    static final RowType PROTOCOL = RowType.from(List.of(
            field("minReaderVersion", INTEGER),
            field("minWriterVersion", INTEGER)));

    static final List<String> COLUMN_NAMES = List.of("txn", "add", "remove", "metaData", "protocol");
    static final List<Type> COLUMN_TYPES = List.of(TXN, ADD, REMOVE, METADATA, PROTOCOL);

    static final int TXN_CHANNEL = 0;
    static final int ADD_CHANNEL = 1;
    static final int REMOVE_CHANNEL = 2;
    static final int METADATA_CHANNEL = 3;
    static final int PROTOCOL_CHANNEL = 4;

    private CheckpointSchema() {}
}

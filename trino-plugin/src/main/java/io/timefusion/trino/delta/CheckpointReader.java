package io.timefusion.trino.delta;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.timefusion.trino.delta.DeltaActions.Action;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.Format;
import io.timefusion.trino.delta.DeltaActions.Metadata;
import io.timefusion.trino.delta.DeltaActions.Protocol;
import io.timefusion.trino.delta.DeltaActions.RemoveFile;
import io.timefusion.trino.delta.DeltaActions.Transaction;
import io.timefusion.trino.parquet.ParquetFileReader;
import io.timefusion.trino.parquet.ParquetFileReader.RequestedColumn;
import io.trino.filesystem.TrinoInputFile;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.SqlMap;
import io.trino.spi.block.SqlRow;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.RowType;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.timefusion.trino.delta.CheckpointSchema.ADD;
import static io.timefusion.trino.delta.CheckpointSchema.ADD_CHANNEL;
import static io.timefusion.trino.delta.CheckpointSchema.COLUMN_NAMES;
import static io.timefusion.trino.delta.CheckpointSchema.COLUMN_TYPES;
import static io.timefusion.trino.delta.CheckpointSchema.METADATA;
import static io.timefusion.trino.delta.CheckpointSchema.METADATA_CHANNEL;
import static io.timefusion.trino.delta.CheckpointSchema.PROTOCOL;
import static io.timefusion.trino.delta.CheckpointSchema.PROTOCOL_CHANNEL;
import static io.timefusion.trino.delta.CheckpointSchema.REMOVE;
import static io.timefusion.trino.delta.CheckpointSchema.REMOVE_CHANNEL;
import static io.timefusion.trino.delta.CheckpointSchema.STRING_MAP;
import static io.timefusion.trino.delta.CheckpointSchema.TXN;
import static io.timefusion.trino.delta.CheckpointSchema.TXN_CHANNEL;
import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Reads the actions of a single-part Parquet checkpoint, ours or another writer's: fields a writer left out
 * read as NULL, fields we do not know are not read.
 */
final class CheckpointReader
{
    private CheckpointReader() {}

    static List<Action> read(TrinoInputFile file)
            throws IOException
    {
        List<RequestedColumn> columns = IntStream.range(0, COLUMN_NAMES.size())
                .mapToObj(i -> new RequestedColumn(COLUMN_NAMES.get(i), COLUMN_TYPES.get(i)))
                .toList();
        ImmutableList.Builder<Action> actions = ImmutableList.builder();
        try (ParquetFileReader reader = ParquetFileReader.open(file, columns, TupleDomain.all(), newSimpleAggregatedMemoryContext())) {
            for (Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
                for (int position = 0; position < page.getPositionCount(); position++) {
                    actions.add(toAction(page, position));
                }
            }
        }
        return actions.build();
    }

    private static Action toAction(Page page, int position)
    {
        if (!page.getBlock(ADD_CHANNEL).isNull(position)) {
            SqlRow row = ADD.getObject(page.getBlock(ADD_CHANNEL), position);
            return Action.of(new AddFile(
                    string(row, 0),
                    stringMap(row, 1),
                    longValue(row, 2),
                    longValue(row, 3),
                    booleanValue(row, 4),
                    string(row, 5),
                    stringMap(row, 6)));
        }
        if (!page.getBlock(REMOVE_CHANNEL).isNull(position)) {
            SqlRow row = REMOVE.getObject(page.getBlock(REMOVE_CHANNEL), position);
            return Action.of(new RemoveFile(string(row, 0), nullableLong(row, 1), booleanValue(row, 2)));
        }
        if (!page.getBlock(METADATA_CHANNEL).isNull(position)) {
            SqlRow row = METADATA.getObject(page.getBlock(METADATA_CHANNEL), position);
            SqlRow format = row.getRawFieldBlock(3).isNull(row.getRawIndex()) ? null : (SqlRow) field(row, 3, METADATA);
            return Action.of(new Metadata(
                    string(row, 0),
                    format == null ? null : new Format(string(format, 0), stringMap(format, 1)),
                    string(row, 4),
                    stringList(row, 5),
                    stringMap(row, 6),
                    nullableLong(row, 7)));
        }
        if (!page.getBlock(PROTOCOL_CHANNEL).isNull(position)) {
            SqlRow row = PROTOCOL.getObject(page.getBlock(PROTOCOL_CHANNEL), position);
            return Action.of(new Protocol(INTEGER.getInt(row.getRawFieldBlock(0), row.getRawIndex()), INTEGER.getInt(row.getRawFieldBlock(1), row.getRawIndex())));
        }
        if (!page.getBlock(TXN_CHANNEL).isNull(position)) {
            SqlRow row = TXN.getObject(page.getBlock(TXN_CHANNEL), position);
            return Action.of(new Transaction(string(row, 0), longValue(row, 1), nullableLong(row, 2)));
        }
        // a row of an action type we do not read (commitInfo, domainMetadata, …)
        return new Action(null, null, null, null, null, null);
    }

    private static Object field(SqlRow row, int field, RowType rowType)
    {
        return rowType.getFields().get(field).getType().getObject(row.getRawFieldBlock(field), row.getRawIndex());
    }

    private static String string(SqlRow row, int field)
    {
        Block block = row.getRawFieldBlock(field);
        return block.isNull(row.getRawIndex()) ? null : VARCHAR.getSlice(block, row.getRawIndex()).toStringUtf8();
    }

    private static long longValue(SqlRow row, int field)
    {
        Long value = nullableLong(row, field);
        return value == null ? 0 : value;
    }

    private static Long nullableLong(SqlRow row, int field)
    {
        Block block = row.getRawFieldBlock(field);
        return block.isNull(row.getRawIndex()) ? null : BIGINT.getLong(block, row.getRawIndex());
    }

    private static boolean booleanValue(SqlRow row, int field)
    {
        Block block = row.getRawFieldBlock(field);
        return !block.isNull(row.getRawIndex()) && BOOLEAN.getBoolean(block, row.getRawIndex());
    }

    private static Map<String, String> stringMap(SqlRow row, int field)
    {
        Block block = row.getRawFieldBlock(field);
        if (block.isNull(row.getRawIndex())) {
            return Map.of();
        }
        SqlMap map = STRING_MAP.getObject(block, row.getRawIndex());
        ImmutableMap.Builder<String, String> values = ImmutableMap.builder();
        for (int i = 0; i < map.getSize(); i++) {
            int index = map.getRawOffset() + i;
            Block valueBlock = map.getRawValueBlock();
            // partition values may be NULL; a Java map cannot hold them, and absent means NULL to our readers
            if (!valueBlock.isNull(index)) {
                values.put(VARCHAR.getSlice(map.getRawKeyBlock(), index).toStringUtf8(), VARCHAR.getSlice(valueBlock, index).toStringUtf8());
            }
        }
        return values.buildKeepingLast();
    }

    private static List<String> stringList(SqlRow row, int field)
    {
        Block block = row.getRawFieldBlock(field);
        if (block.isNull(row.getRawIndex())) {
            return List.of();
        }
        Block elements = new ArrayType(VARCHAR).getObject(block, row.getRawIndex());
        return IntStream.range(0, elements.getPositionCount())
                .mapToObj(i -> VARCHAR.getSlice(elements, i).toStringUtf8())
                .toList();
    }
}

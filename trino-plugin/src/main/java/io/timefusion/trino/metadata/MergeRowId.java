package io.timefusion.trino.metadata;

import io.airlift.slice.Slices;
import io.trino.spi.block.Block;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.RowBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.RowType;

import java.util.List;
import java.util.Optional;

import static io.trino.spi.predicate.Utils.nativeValueToBlock;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.RowType.field;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The hidden column by which UPDATE, DELETE and MERGE name the rows they change: the table (see ProjectTables), the
 * data file as its Delta add action names it, the file's size and the row's position in the file. Only rows stored in
 * Delta have one; a scan that asks for it reads data files only.
 */
public final class MergeRowId
{
    public static final String COLUMN_NAME = "$row_id";
    public static final RowType TYPE = RowType.from(List.of(
            field("table", VARCHAR),
            field("path", VARCHAR),
            field("file_size", BIGINT),
            field("position", BIGINT)));
    public static final TimeFusionColumnHandle HANDLE = new TimeFusionColumnHandle(COLUMN_NAME, TYPE, -1);

    private MergeRowId() {}

    public static ColumnMetadata metadata()
    {
        return ColumnMetadata.builder().setName(COLUMN_NAME).setType(TYPE).setHidden(true).setNullable(false).build();
    }

    public static boolean isRowId(ColumnHandle column)
    {
        return column instanceof TimeFusionColumnHandle handle && handle.name().equals(COLUMN_NAME);
    }

    /** A row of a data file, as a merge sink reads it from the row id. */
    public record Reference(String table, String path, long fileSize, long position)
    {
        public Reference
        {
            requireNonNull(table, "table is null");
            requireNonNull(path, "path is null");
        }
    }

    /** The row ids of {@code positionCount} consecutive rows of one file, the first at {@code firstPosition}. */
    public static Block block(String table, String path, long fileSize, long firstPosition, int positionCount)
    {
        long[] positions = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            positions[i] = firstPosition + i;
        }
        return RowBlock.fromFieldBlocks(positionCount, new Block[] {
                RunLengthEncodedBlock.create(nativeValueToBlock(VARCHAR, Slices.utf8Slice(table)), positionCount),
                RunLengthEncodedBlock.create(nativeValueToBlock(VARCHAR, Slices.utf8Slice(path)), positionCount),
                RunLengthEncodedBlock.create(nativeValueToBlock(BIGINT, fileSize), positionCount),
                new LongArrayBlock(positionCount, Optional.empty(), positions)});
    }

    /** The row ids of a block, its fields taken apart once for all its positions. */
    public static Reader reader(Block rowIds)
    {
        return new Reader(RowBlock.getRowFieldsFromBlock(rowIds));
    }

    public record Reader(List<Block> fields)
    {
        public Reference read(int position)
        {
            return new Reference(
                    VARCHAR.getSlice(fields.get(0), position).toStringUtf8(),
                    VARCHAR.getSlice(fields.get(1), position).toStringUtf8(),
                    BIGINT.getLong(fields.get(2), position),
                    BIGINT.getLong(fields.get(3), position));
        }
    }
}

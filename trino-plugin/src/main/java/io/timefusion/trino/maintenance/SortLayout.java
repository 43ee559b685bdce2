package io.timefusion.trino.maintenance;

import com.google.common.collect.ImmutableList;
import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.parquet.ParquetFileReader.RequestedColumn;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.Type;

import java.util.List;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.ID;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The rows OPTIMIZE sorts: the table's data columns as stored (JSON as varchar), then the row's place in write order:
 * the rank of its input file (later files were written later) and its position in that file (rows of one statement
 * keep its order in a file). The order is newest timestamp first, then id, then the latest write first, so the first
 * row of every (timestamp, id) is the one that wins.
 */
final class SortLayout
{
    static final String RANK = "_timefusion_write_rank";
    static final String POSITION = "_timefusion_write_position";

    private final List<TableColumn> dataColumns;
    private final List<Type> types;
    private final int timestampChannel;
    private final int idChannel;
    private final int rankChannel;
    private final int positionChannel;

    SortLayout(OtelLogsAndSpansTable table)
    {
        this.dataColumns = table.dataColumns();
        ImmutableList.Builder<Type> types = ImmutableList.builder();
        dataColumns.forEach(column -> types.add(column.storedType()));
        types.add(BIGINT, BIGINT);
        this.types = types.build();
        List<String> names = dataColumns.stream().map(TableColumn::name).toList();
        this.timestampChannel = names.indexOf(TIMESTAMP);
        this.idChannel = names.indexOf(ID);
        this.rankChannel = dataColumns.size();
        this.positionChannel = dataColumns.size() + 1;
    }

    /** JSON is stored as a UTF-8 string and read with the varchar reader: the blocks are the same either way. */
    List<TableColumn> dataColumns()
    {
        return dataColumns;
    }

    List<Type> types()
    {
        return types;
    }

    int dataChannelCount()
    {
        return dataColumns.size();
    }

    int rankChannel()
    {
        return rankChannel;
    }

    int positionChannel()
    {
        return positionChannel;
    }

    List<RequestedColumn> dataColumnsToRead()
    {
        return dataColumns.stream().map(column -> new RequestedColumn(column.name(), column.storedType())).toList();
    }

    /** How a spilled run is read back: every channel of this layout. */
    List<RequestedColumn> allColumnsToRead()
    {
        return ImmutableList.<RequestedColumn>builder()
                .addAll(dataColumnsToRead())
                .add(new RequestedColumn(RANK, BIGINT), new RequestedColumn(POSITION, BIGINT))
                .build();
    }

    /** Both key columns are NOT NULL in this table; a file of another writer breaking that sorts last and is never a duplicate. */
    long epochMicros(Page page, int position)
    {
        Block timestamps = page.getBlock(timestampChannel);
        return timestamps.isNull(position) ? Long.MIN_VALUE : StoredTimestamps.epochMicros((LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(timestamps, position));
    }

    /** The row's id, or null (see {@link #epochMicros}). */
    Slice id(Page page, int position)
    {
        Block ids = page.getBlock(idChannel);
        return ids.isNull(position) ? null : VARCHAR.getSlice(ids, position);
    }

    long rank(Page page, int position)
    {
        return BIGINT.getLong(page.getBlock(rankChannel), position);
    }

    long writePosition(Page page, int position)
    {
        return BIGINT.getLong(page.getBlock(positionChannel), position);
    }

    /** Negative when row a comes first: newer timestamp, then smaller id, then the later write. */
    static int compare(long microsA, Slice idA, long rankA, long positionA, long microsB, Slice idB, long rankB, long positionB)
    {
        int order = Long.compare(microsB, microsA);
        if (order != 0) {
            return order;
        }
        order = (idA == null ? Slices.EMPTY_SLICE : idA).compareTo(idB == null ? Slices.EMPTY_SLICE : idB);
        if (order != 0) {
            return order;
        }
        order = Long.compare(rankB, rankA);
        if (order != 0) {
            return order;
        }
        return Long.compare(positionB, positionA);
    }
}

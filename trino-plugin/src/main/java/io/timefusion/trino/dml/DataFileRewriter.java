package io.timefusion.trino.dml;

import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.parquet.ParquetFileReader;
import io.timefusion.trino.parquet.ParquetFileReader.RequestedColumn;
import io.timefusion.trino.write.PartitionKey;
import io.timefusion.trino.write.StreamingDataFile;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.spi.Page;
import io.trino.spi.predicate.TupleDomain;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;

/**
 * Copy-on-write of one data file: its rows, in their order (so still newest first), without the deleted positions,
 * streamed page by page into a new file of the same partition. When no row is left, no file is written (and when the
 * footer says every row is deleted, no page is read).
 */
public final class DataFileRewriter
{
    private final OtelLogsAndSpansTable table;
    private final List<RequestedColumn> dataColumns;
    private final long targetFileBytes;

    public DataFileRewriter(OtelLogsAndSpansTable table, long targetFileBytes)
    {
        this.table = table;
        this.dataColumns = table.dataColumns().stream().map(column -> new RequestedColumn(column.name(), column.storedType())).toList();
        this.targetFileBytes = targetFileBytes;
    }

    Optional<AddFile> rewrite(TrinoFileSystem fileSystem, Location tableRoot, Location source, long sourceSize, PartitionKey partition, BitSet deletedPositions)
            throws IOException
    {
        StreamingDataFile target = null;
        try (ParquetFileReader reader = ParquetFileReader.open(fileSystem.newInputFile(source, sourceSize), dataColumns, TupleDomain.all(), true, newSimpleAggregatedMemoryContext())) {
            if (deletedPositions.cardinality() >= reader.fileRowCount()) {
                // every row is deleted (a DELETE of a time range, say): the file is removed without reading its pages
                return Optional.empty();
            }
            for (Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
                Page kept = keptRows(page, reader.lastBatchStartRow(), deletedPositions);
                if (kept.getPositionCount() == 0) {
                    continue;
                }
                if (target == null) {
                    target = StreamingDataFile.create(fileSystem, tableRoot, partition, table, targetFileBytes);
                }
                target.append(kept);
            }
            return target == null ? Optional.empty() : Optional.of(target.finish());
        }
        catch (IOException | RuntimeException e) {
            if (target != null) {
                try {
                    target.abort();
                }
                catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private static Page keptRows(Page page, long firstPosition, BitSet deletedPositions)
    {
        int[] kept = new int[page.getPositionCount()];
        int count = 0;
        for (int i = 0; i < page.getPositionCount(); i++) {
            if (!deletedPositions.get(Math.toIntExact(firstPosition + i))) {
                kept[count++] = i;
            }
        }
        return count == page.getPositionCount() ? page : page.getPositions(kept, 0, count);
    }
}

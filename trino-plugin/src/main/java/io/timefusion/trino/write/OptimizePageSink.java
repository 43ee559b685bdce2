package io.timefusion.trino.write;

import com.google.common.collect.ImmutableList;
import io.airlift.log.Logger;
import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.type.LongTimestampWithTimeZone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Writes what an OPTIMIZE scan produced: rows already merged, deduplicated and sorted newest first per partition, so
 * they are streamed into files as they come and a file is closed once its written row groups reach the target size. Should rows of a partition ever
 * arrive out of order, the file is closed there and a new one begun: every file stays sorted. When the open files
 * together hold more than the writer budget in row groups being built, the largest is closed early.
 */
public class OptimizePageSink
        implements ConnectorPageSink
{
    private static final Logger log = Logger.get(OptimizePageSink.class);

    private final FileSystems fileSystems;
    private final ProjectTables tables;
    private final OtelLogsAndSpansTable table;
    private final long targetFileBytes;
    private final long bufferBudgetBytes;
    private final int projectChannel;
    private final int dateChannel;
    private final int timestampChannel;
    private final int[] dataChannels;

    private final Map<PartitionKey, OpenFile> openFiles = new LinkedHashMap<>();
    private final List<DataFileFragment> writtenFiles = new ArrayList<>();
    private long completedBytes;

    private static final class OpenFile
    {
        private final String tableKey;
        private final StreamingDataFile file;
        private long lastEpochMicros = Long.MAX_VALUE;

        OpenFile(String tableKey, StreamingDataFile file)
        {
            this.tableKey = tableKey;
            this.file = file;
        }
    }

    public OptimizePageSink(FileSystems fileSystems, ProjectTables tables, OtelLogsAndSpansTable table, List<TimeFusionColumnHandle> columns, long targetFileBytes, long bufferBudgetBytes)
    {
        this.fileSystems = fileSystems;
        this.tables = tables;
        this.table = table;
        this.targetFileBytes = targetFileBytes;
        this.bufferBudgetBytes = bufferBudgetBytes;
        List<String> names = columns.stream().map(TimeFusionColumnHandle::name).toList();
        this.projectChannel = names.indexOf(PROJECT_ID);
        this.dateChannel = names.indexOf(DATE_COLUMN);
        this.timestampChannel = names.indexOf(TIMESTAMP);
        this.dataChannels = table.dataColumns().stream().map(TableColumn::name).mapToInt(names::indexOf).toArray();
    }

    @Override
    public CompletableFuture<?> appendPage(Page page)
    {
        Block projects = page.getBlock(projectChannel);
        Block dates = page.getBlock(dateChannel);
        Block timestamps = page.getBlock(timestampChannel);
        Page data = page.getColumns(dataChannels);
        int start = 0;
        for (int position = 1; position <= page.getPositionCount(); position++) {
            // segments of consecutive rows of one partition, cut where a partition's newest-first order would break
            if (position < page.getPositionCount() && samePartition(projects, dates, position - 1, position) && !newer(timestamps, position - 1, position)) {
                continue;
            }
            append(partitionOf(projects, dates, start), data, timestamps, start, position);
            start = position;
        }
        while (retainedBytes() > bufferBudgetBytes && !openFiles.isEmpty()) {
            PartitionKey largest = openFiles.entrySet().stream().max(Comparator.comparingLong(entry -> entry.getValue().file.retainedBytes())).orElseThrow().getKey();
            finishFile(largest);
        }
        return NOT_BLOCKED;
    }

    private void append(PartitionKey partition, Page data, Block timestamps, int from, int to)
    {
        OpenFile open = openFiles.get(partition);
        long firstMicros = epochMicros(timestamps, from);
        if (open != null && firstMicros > open.lastEpochMicros) {
            log.warn("Rows of partition %s reached the OPTIMIZE writer out of timestamp order; starting a new file to keep each file sorted", partition.directory());
            finishFile(partition);
            open = null;
        }
        if (open == null) {
            open = openFile(partition);
        }
        try {
            open.file.append(data.getRegion(from, to - from));
        }
        catch (IOException e) {
            throw storageError("write an optimized data file", open.file.location(), e);
        }
        open.lastEpochMicros = epochMicros(timestamps, to - 1);
        if (open.file.writtenBytes() >= targetFileBytes) {
            finishFile(partition);
        }
    }

    private OpenFile openFile(PartitionKey partition)
    {
        String tableKey = tables.keyForWrite(partition.projectId());
        TableStorage storage = tables.byKey(tableKey);
        try {
            OpenFile open = new OpenFile(tableKey, StreamingDataFile.create(fileSystems.fileSystem(storage.backend()), storage.tableRoot(), partition, table, targetFileBytes));
            openFiles.put(partition, open);
            return open;
        }
        catch (IOException e) {
            throw storageError("create an optimized data file", storage.tableRoot(), e);
        }
    }

    private void finishFile(PartitionKey partition)
    {
        OpenFile open = openFiles.remove(partition);
        try {
            AddFile add = open.file.finish();
            writtenFiles.add(new DataFileFragment(open.tableKey, add));
            completedBytes += add.size();
        }
        catch (IOException e) {
            throw storageError("write an optimized data file", open.file.location(), e);
        }
    }

    private long retainedBytes()
    {
        return openFiles.values().stream().mapToLong(open -> open.file.retainedBytes()).sum();
    }

    private static boolean samePartition(Block projects, Block dates, int a, int b)
    {
        return DATE.getLong(dates, a) == DATE.getLong(dates, b) && VARCHAR.getSlice(projects, a).equals(VARCHAR.getSlice(projects, b));
    }

    private static boolean newer(Block timestamps, int previous, int next)
    {
        return epochMicros(timestamps, next) > epochMicros(timestamps, previous);
    }

    private static long epochMicros(Block timestamps, int position)
    {
        return timestamps.isNull(position) ? Long.MIN_VALUE : StoredTimestamps.epochMicros((LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(timestamps, position));
    }

    private static PartitionKey partitionOf(Block projects, Block dates, int position)
    {
        return new PartitionKey(VARCHAR.getSlice(projects, position).toStringUtf8(), DATE.getLong(dates, position));
    }

    @Override
    public CompletableFuture<Collection<Slice>> finish()
    {
        List.copyOf(openFiles.keySet()).forEach(this::finishFile);
        return CompletableFuture.completedFuture(writtenFiles.stream()
                .map(file -> Slices.utf8Slice(DeltaJson.toJson(file)))
                .collect(ImmutableList.toImmutableList()));
    }

    @Override
    public void abort()
    {
        // nothing written here was committed, so no reader can need it; deleting it only saves VACUUM the work
        for (OpenFile open : openFiles.values()) {
            try {
                open.file.abort();
            }
            catch (IOException | RuntimeException e) {
                log.warn(e, "Could not delete uncommitted data file %s", open.file.location());
            }
        }
        openFiles.clear();
        UncommittedDataFiles.delete(writtenFiles, tables, fileSystems);
        writtenFiles.clear();
    }

    @Override
    public long getCompletedBytes()
    {
        return completedBytes;
    }

    @Override
    public long getMemoryUsage()
    {
        return retainedBytes();
    }
}

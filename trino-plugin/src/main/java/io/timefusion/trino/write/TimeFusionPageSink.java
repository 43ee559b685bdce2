package io.timefusion.trino.write;

import com.google.common.collect.ImmutableList;
import io.airlift.log.Logger;
import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.type.LongTimestampWithTimeZone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_INVALID_ROW;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.ID;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Groups incoming rows by (project_id, UTC date of timestamp) and buffers them; a partition is written as one
 * sorted Parquet file when its buffer reaches the target file size or when the statement ends. When all buffers
 * together exceed the sink's budget, the largest is written early. The add actions go to the coordinator, which
 * commits them in one Delta version; until then nothing written here is visible.
 */
public class TimeFusionPageSink
        implements ConnectorPageSink
{
    private static final Logger log = Logger.get(TimeFusionPageSink.class);

    private final FileSystems fileSystems;
    private final ProjectTables tables;
    private final DataFileWriter fileWriter;
    private final long targetFileBytes;
    private final long bufferBudgetBytes;
    private final int timestampChannel;
    private final int projectChannel;
    private final int idChannel;

    private final Map<PartitionKey, PartitionBuffer> buffers = new LinkedHashMap<>();
    private final List<DataFileFragment> writtenFiles = new ArrayList<>();
    private long bufferedBytes;
    private long completedBytes;

    public TimeFusionPageSink(
            FileSystems fileSystems,
            ProjectTables tables,
            OtelLogsAndSpansTable tableDefinition,
            List<TimeFusionColumnHandle> columns,
            long targetFileBytes,
            long bufferBudgetBytes)
    {
        this.fileSystems = fileSystems;
        this.tables = tables;
        this.fileWriter = new DataFileWriter(tableDefinition, columns, targetFileBytes);
        this.targetFileBytes = targetFileBytes;
        this.bufferBudgetBytes = bufferBudgetBytes;
        List<String> names = columns.stream().map(TimeFusionColumnHandle::name).toList();
        this.timestampChannel = names.indexOf(TIMESTAMP);
        this.projectChannel = names.indexOf(PROJECT_ID);
        this.idChannel = names.indexOf(ID);
    }

    @Override
    public CompletableFuture<?> appendPage(Page page)
    {
        Map<PartitionKey, int[]> positionsByPartition = partitionPositions(page);
        for (Map.Entry<PartitionKey, int[]> partition : positionsByPartition.entrySet()) {
            int[] positions = partition.getValue();
            Page rows = positionsByPartition.size() == 1 ? page : page.copyPositions(positions, 0, positions.length);
            PartitionBuffer buffer = buffers.computeIfAbsent(partition.getKey(), _ -> new PartitionBuffer());
            long size = rows.getRetainedSizeInBytes();
            buffer.add(rows, size);
            bufferedBytes += size;
            if (buffer.bytes >= targetFileBytes) {
                flush(partition.getKey());
            }
        }
        while (bufferedBytes > bufferBudgetBytes) {
            flush(buffers.entrySet().stream().max(Comparator.comparingLong(entry -> entry.getValue().bytes)).orElseThrow().getKey());
        }
        return NOT_BLOCKED;
    }

    private Map<PartitionKey, int[]> partitionPositions(Page page)
    {
        Block timestamps = page.getBlock(timestampChannel);
        Block projects = page.getBlock(projectChannel);
        Block ids = page.getBlock(idChannel);
        Map<PartitionKey, List<Integer>> positions = new HashMap<>();
        for (int position = 0; position < page.getPositionCount(); position++) {
            requireValue(timestamps, position, TIMESTAMP);
            requireValue(projects, position, PROJECT_ID);
            requireValue(ids, position, ID);
            String projectId = VARCHAR.getSlice(projects, position).toStringUtf8();
            if (projectId.isEmpty()) {
                // Delta reads an empty partition value as NULL (protocol: "Partition Value Serialization")
                throw new TrinoException(TIMEFUSION_INVALID_ROW, "project_id must not be empty");
            }
            long epochMicros = StoredTimestamps.epochMicros((LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(timestamps, position));
            PartitionKey key = new PartitionKey(projectId, StoredTimestamps.epochDay(epochMicros));
            positions.computeIfAbsent(key, _ -> new ArrayList<>()).add(position);
        }
        Map<PartitionKey, int[]> result = new HashMap<>();
        positions.forEach((key, list) -> result.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return result;
    }

    // Trino checks NOT NULL columns before rows reach a sink; this guards the partition columns all the same
    private static void requireValue(Block block, int position, String column)
    {
        if (block.isNull(position)) {
            throw new TrinoException(TIMEFUSION_INVALID_ROW, "NULL value not allowed for NOT NULL column: " + column);
        }
    }

    private void flush(PartitionKey key)
    {
        PartitionBuffer buffer = buffers.remove(key);
        bufferedBytes -= buffer.bytes;
        // a registered project's rows go to its own table, written with its own credentials
        String tableKey = tables.keyForWrite(key.projectId());
        TableStorage table = tables.byKey(tableKey);
        try {
            AddFile file = fileWriter.write(fileSystems.fileSystem(table.backend()), table.tableRoot(), key, buffer.pages);
            writtenFiles.add(new DataFileFragment(tableKey, file));
            completedBytes += file.size();
        }
        catch (IOException e) {
            throw storageError("write a data file", table.tableRoot(), e);
        }
    }

    @Override
    public CompletableFuture<Collection<Slice>> finish()
    {
        List.copyOf(buffers.keySet()).forEach(this::flush);
        return CompletableFuture.completedFuture(writtenFiles.stream()
                .map(file -> Slices.utf8Slice(DeltaJson.toJson(file)))
                .collect(ImmutableList.toImmutableList()));
    }

    @Override
    public void abort()
    {
        buffers.clear();
        bufferedBytes = 0;
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
        return bufferedBytes;
    }

    private static final class PartitionBuffer
    {
        private final List<Page> pages = new ArrayList<>();
        private long bytes;

        void add(Page page, long size)
        {
            pages.add(page);
            bytes += size;
        }
    }
}

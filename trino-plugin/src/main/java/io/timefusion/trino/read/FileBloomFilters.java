package io.timefusion.trino.read;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.airlift.slice.Slice;
import io.timefusion.trino.parquet.ParquetFileReader;
import io.timefusion.trino.parquet.ParquetFileReader.RequestedColumn;
import io.timefusion.trino.parquet.TrinoInputDataSource;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoInputFile;
import io.trino.parquet.BloomFilterStore;
import io.trino.parquet.ParquetDataSource;
import io.trino.parquet.ParquetReaderOptions;
import io.trino.parquet.metadata.BlockMetadata;
import io.trino.parquet.metadata.ParquetMetadata;
import io.trino.parquet.reader.MetadataReader;
import io.trino.spi.Page;
import jakarta.annotation.PreDestroy;
import io.trino.spi.block.Block;
import io.trino.spi.predicate.TupleDomain;
import org.apache.parquet.column.values.bloomfilter.BlockSplitBloomFilter;
import org.apache.parquet.column.values.bloomfilter.BloomFilter;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.api.Binary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import static io.airlift.concurrent.Threads.daemonThreadsNamed;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.BLOOM_FILTER_COLUMNS;
import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The Parquet bloom filters of the data files' {@code id} and {@code context___trace_id} row groups, read once per
 * file (files never change) and kept on the coordinator, so that a lookup by id or trace id is given only the files
 * that can hold it instead of opening every file of the project on the workers. A file's filters are loaded in the
 * background when an INSERT commits it, or after its first lookup, which reads the file as before. A column chunk
 * stored wholly as a dictionary has no bloom filter (Trino's writer leaves it out: the dictionary rules values out in
 * the reader), so for such a column one filter for the whole file is built here from its values, once.
 */
public class FileBloomFilters
{
    private static final Logger log = Logger.get(FileBloomFilters.class);

    // bench -Pqueries' 10 M rows need about 40 MB of them; beyond the bound, files are read again when next looked up
    private static final long MAX_CACHED_BYTES = 256L * 1024 * 1024;
    // as the writer's (StreamingDataFile)
    private static final double FALSE_POSITIVE_RATE = 0.01;

    /** The filters of one row group by column; a column without a filter there is absent (may hold anything). */
    private record RowGroupFilters(Map<String, BloomFilter> byColumn)
    {
        boolean mayHoldAll(Map<String, List<Slice>> lookups)
        {
            return lookups.entrySet().stream().allMatch(lookup -> {
                BloomFilter filter = byColumn.get(lookup.getKey());
                return filter == null || lookup.getValue().stream()
                        .anyMatch(value -> filter.findHash(filter.hash(Binary.fromConstantByteArray(value.getBytes()))));
            });
        }
    }

    private record FileFilters(List<RowGroupFilters> rowGroups)
    {
        boolean mayHold(Map<String, List<Slice>> lookups)
        {
            return rowGroups.stream().anyMatch(group -> group.mayHoldAll(lookups));
        }

        int bytes()
        {
            return rowGroups.stream().flatMap(group -> group.byColumn().values().stream()).distinct().mapToInt(BloomFilter::getBitsetSize).sum() + 64;
        }
    }

    private final FileSystems fileSystems;
    // one thread: reading filters is background work that must not compete with the queries
    private final ExecutorService loader = Executors.newSingleThreadExecutor(daemonThreadsNamed("timefusion-bloom-filters"));
    private final Set<Location> loading = ConcurrentHashMap.newKeySet();
    private final Cache<Location, FileFilters> byFile = CacheBuilder.newBuilder()
            .maximumWeight(MAX_CACHED_BYTES)
            .weigher((Location _, FileFilters filters) -> filters.bytes())
            .build();

    @Inject
    public FileBloomFilters(FileSystems fileSystems)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
    }

    /**
     * Whether some row group of the file may hold a row with, for each looked-up column, one of its values. A file
     * whose filters are not known yet may: the lookup reads it as without filters, and they are loaded for the next.
     *
     * @param lookups values by column name, for columns of {@code BLOOM_FILTER_COLUMNS}
     */
    public boolean mayHold(TableStorage table, Location file, long fileSize, Map<String, List<Slice>> lookups)
    {
        FileFilters filters = byFile.getIfPresent(file);
        if (filters == null) {
            preload(table, file, fileSize);
            return true;
        }
        return filters.mayHold(lookups);
    }

    /**
     * Reads a file's filters in the background unless they are known or being read: after a commit adds the file, and
     * at its first lookup (a file committed before the coordinator started, or evicted), which is not held up by it.
     */
    public void preload(TableStorage table, Location file, long fileSize)
    {
        if (byFile.getIfPresent(file) != null || !loading.add(file)) {
            return;
        }
        try {
            loader.execute(() -> {
                try {
                    byFile.put(file, read(table, file, fileSize));
                }
                catch (IOException | RuntimeException e) {
                    // the file keeps being read by lookups; a later lookup tries again
                    log.warn(e, "Cannot read the bloom filters of %s", file);
                }
                finally {
                    loading.remove(file);
                }
            });
        }
        catch (RejectedExecutionException e) {
            // shutting down
            loading.remove(file);
        }
    }

    @PreDestroy
    public void stop()
    {
        loader.shutdownNow();
    }

    private FileFilters read(TableStorage table, Location file, long fileSize)
            throws IOException
    {
        TrinoInputFile input = fileSystems.fileSystem(table.backend()).newInputFile(file, fileSize);
        Set<ColumnPath> columns = Set.copyOf(BLOOM_FILTER_COLUMNS.stream().map(ColumnPath::get).toList());
        List<Map<String, BloomFilter>> written = new ArrayList<>();
        long rows = 0;
        try (ParquetDataSource source = new TrinoInputDataSource(input, ParquetReaderOptions.defaultOptions())) {
            ParquetMetadata footer = MetadataReader.readFooter(source, Optional.empty());
            for (BlockMetadata block : footer.getBlocks()) {
                BloomFilterStore store = new BloomFilterStore(source, block, columns);
                Map<String, BloomFilter> byColumn = new HashMap<>();
                for (String column : BLOOM_FILTER_COLUMNS) {
                    store.getBloomFilter(ColumnPath.get(column)).ifPresent(filter -> byColumn.put(column, filter));
                }
                written.add(byColumn);
                rows += block.rowCount();
            }
        }
        // a column some row group has no filter for gets one filter of the file's values, shared by its row groups
        for (String column : BLOOM_FILTER_COLUMNS) {
            if (written.stream().anyMatch(byColumn -> !byColumn.containsKey(column))) {
                BloomFilter whole = fileFilter(input, column, rows);
                written.forEach(byColumn -> byColumn.put(column, whole));
            }
        }
        return new FileFilters(written.stream().map(byColumn -> new RowGroupFilters(Map.copyOf(byColumn))).toList());
    }

    private static BloomFilter fileFilter(TrinoInputFile input, String column, long rows)
            throws IOException
    {
        BloomFilter filter = new BlockSplitBloomFilter(BlockSplitBloomFilter.optimalNumOfBits(Math.max(rows, 1), FALSE_POSITIVE_RATE) / 8);
        try (ParquetFileReader reader = ParquetFileReader.open(input, List.of(new RequestedColumn(column, VARCHAR)), TupleDomain.all(), newSimpleAggregatedMemoryContext())) {
            for (Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
                Block values = page.getBlock(0);
                for (int position = 0; position < page.getPositionCount(); position++) {
                    if (!values.isNull(position)) {
                        filter.insertHash(filter.hash(Binary.fromConstantByteArray(VARCHAR.getSlice(values, position).getBytes())));
                    }
                }
            }
        }
        return filter;
    }
}

package io.timefusion.trino.read;

import com.google.inject.Inject;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.buffer.BufferSplits;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.ingest.IngestBatchHandle;
import io.timefusion.trino.ingest.IngestBatchSplit;
import io.timefusion.trino.maintenance.OptimizeSplits;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.projects.ProjectTables.ReadTable;
import io.timefusion.trino.write.PartitionKey;
import io.trino.filesystem.Location;
import io.trino.spi.NodeManager;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedSplitSource;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The splits of a scan: one per live data file that the pushed-down predicate cannot rule out (a lookup by id or trace
 * id also by the file's bloom filters), over every table the query must read (the default table and the registered
 * projects' own tables), a file above {@code timefusion.max-split-size} as splits of byte ranges of at most that
 * size (each reads the row groups starting in it), small files grouped into a {@link FileGroupSplit} so that a scan of many is about
 * {@value #SPLITS_PER_PROCESSOR} splits per worker processor or one per {@code timefusion.split-group-size} of file
 * bytes, whichever is more; for {@code ORDER BY timestamp LIMIT n} one {@link FileGroupSplit} of them all in reading
 * order. Plus one buffer split per live gateway
 * whose watermarks come from the same snapshots as the files. The scan of an OPTIMIZE reads files only (buffered rows
 * are not in Delta yet), one split per partition to rewrite.
 */
public class TimeFusionSplitManager
        implements ConnectorSplitManager
{
    private final QuerySnapshots snapshots;
    private final ProjectTables tables;
    private final BufferSplits bufferSplits;
    // a worker's processors each run a driver; two splits each leave room for groups of unequal work
    static final int SPLITS_PER_PROCESSOR = 2;

    private final FileBloomFilters bloomFilters;
    private final NodeManager nodeManager;
    private final long groupSize;
    private final long maxSplitSize;

    @Inject
    public TimeFusionSplitManager(QuerySnapshots snapshots, ProjectTables tables, BufferSplits bufferSplits, FileBloomFilters bloomFilters, NodeManager nodeManager, TimeFusionConfig config)
    {
        this.nodeManager = requireNonNull(nodeManager, "nodeManager is null");
        this.groupSize = config.getSplitGroupSize().toBytes();
        this.maxSplitSize = config.getMaxSplitSize().toBytes();
        this.bloomFilters = requireNonNull(bloomFilters, "bloomFilters is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.bufferSplits = requireNonNull(bufferSplits, "bufferSplits is null");
    }

    @Override
    public ConnectorSplitSource getSplits(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorTableHandle tableHandle, DynamicFilter dynamicFilter, Constraint constraint)
    {
        TimeFusionTableHandle handle = (TimeFusionTableHandle) tableHandle;
        if (handle.constraint().isNone()) {
            return new FixedSplitSource(List.of());
        }
        FilePruner pruner = new FilePruner(handle.constraint());
        if (handle.optimize().isPresent()) {
            List<OptimizeSplits.TableSnapshot> tablesToOptimize = tables.forRead(pruner.projectDomain()).stream()
                    .map(table -> new OptimizeSplits.TableSnapshot(table, snapshots.snapshot(session.getQueryId(), table.storage())))
                    .toList();
            return OptimizeSplits.plan(tablesToOptimize, pruner::matchesPartition, handle.optimize().get().fileSizeThreshold());
        }
        List<FileGroupSplit.File> files = new ArrayList<>();
        Map<String, DeltaSnapshot> snapshotsRead = new LinkedHashMap<>();
        for (ReadTable table : tables.forRead(pruner.projectDomain())) {
            DeltaSnapshot snapshot = snapshots.snapshot(session.getQueryId(), table.storage());
            snapshotsRead.put(table.key(), snapshot);
            addFiles(files, table, snapshot, pruner, bloomFilters, handle.topN().isPresent());
        }
        if (handle.countPerBucket().isPresent()) {
            return new FixedSplitSource(List.of(new BucketCountSplit(files.stream().map(FileGroupSplit.File::split).toList(), bufferSplits.forLiveGateways(snapshotsRead))));
        }
        List<ConnectorSplit> splits = new ArrayList<>();
        if (handle.topN().isPresent() && !files.isEmpty()) {
            splits.add(FileGroupSplit.inTopNOrder(files, handle.topN().get()));
        }
        else {
            List<FileGroupSplit.File> small = new ArrayList<>();
            for (FileGroupSplit.File file : files) {
                if (file.split().fileSize() > maxSplitSize) {
                    splits.addAll(file.split().ranges(maxSplitSize));
                }
                else {
                    small.add(file);
                }
            }
            splits.addAll(FileGroupSplit.grouped(small, groups(small)));
        }
        splits.addAll(bufferSplits.forLiveGateways(snapshotsRead));
        return new FixedSplitSource(splits);
    }

    /** As many groups as the cluster's processors can read at once (with some to spare for uneven groups), more when the bytes call for it. */
    private int groups(List<FileGroupSplit.File> files)
    {
        long bytes = files.stream().mapToLong(file -> file.split().fileSize()).sum();
        long bySize = (bytes + groupSize - 1) / groupSize;
        long byProcessors = (long) SPLITS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors() * Math.max(1, nodeManager.getWorkerNodes().size());
        return (int) Math.min(Integer.MAX_VALUE, Math.max(bySize, byProcessors));
    }

    private static void addFiles(List<FileGroupSplit.File> files, ReadTable table, DeltaSnapshot snapshot, FilePruner pruner, FileBloomFilters bloomFilters, boolean timeRanges)
    {
        // judged once per partition: hundreds of files share a few dozen partitions, and every query walks all live files
        Map<Map<String, String>, Optional<PartitionKey>> matchingPartitions = new HashMap<>();
        for (AddFile file : snapshot.liveFiles()) {
            Optional<PartitionKey> partition = matchingPartitions.computeIfAbsent(file.partitionValues(),
                    _ -> table.partitionOf(file).filter(key -> pruner.matchesPartition(key.projectId(), key.epochDay())));
            if (partition.isEmpty()) {
                continue;
            }
            // the statistics are parsed once, when a time predicate or a TopN (which reads files in time order) needs them
            FileTimeRange timeRange = timeRanges || pruner.prunesByTime() ? FileTimeRange.of(file) : FileTimeRange.UNKNOWN;
            if (!pruner.matchesTimeRange(timeRange)) {
                continue;
            }
            Location location = DeltaLogFiles.dataFile(table.storage().tableRoot(), file.path());
            if (pruner.lookups().isEmpty() || bloomFilters.mayHold(table.storage(), location, file.size(), pruner.lookups())) {
                TimeFusionSplit split = new TimeFusionSplit(table.key(), location.toString(), file.path(), file.size(), partition.get().projectId(), partition.get().epochDay());
                files.add(new FileGroupSplit.File(split, timeRange));
            }
        }
    }

    @Override
    public ConnectorSplitSource getSplits(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorTableFunctionHandle function)
    {
        if (function instanceof IngestBatchHandle) {
            return new FixedSplitSource(List.of(new IngestBatchSplit()));
        }
        throw new IllegalArgumentException("Unknown table function handle: " + function.getClass().getName());
    }
}

package io.timefusion.trino.maintenance;

import com.google.common.collect.ImmutableList;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.projects.ProjectTables.ReadTable;
import io.timefusion.trino.write.PartitionKey;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.FixedSplitSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The splits of an OPTIMIZE scan: one per partition that has files worth rewriting ({@link OptimizeSelection}), and for
 * the coordinator the {@link OptimizeRun} of each, which {@code finishTableExecute} commits.
 */
public final class OptimizeSplits
{
    private OptimizeSplits() {}

    /** A table to optimize with the snapshot the query reads of it. */
    public record TableSnapshot(ReadTable table, DeltaSnapshot snapshot) {}

    /**
     * @param partitionFilter whether the statement's WHERE keeps a partition (project id, epoch day)
     */
    public static ConnectorSplitSource plan(List<TableSnapshot> tables, BiPredicate<String, Long> partitionFilter, long fileSizeThreshold)
    {
        ImmutableList.Builder<ConnectorSplit> splits = ImmutableList.builder();
        List<Object> runs = new ArrayList<>();
        for (TableSnapshot table : tables) {
            for (Map.Entry<PartitionKey, List<AddFile>> partition : partitions(table, partitionFilter).entrySet()) {
                List<AddFile> inputs = OptimizeSelection.select(partition.getValue(), fileSizeThreshold);
                if (inputs.isEmpty()) {
                    continue;
                }
                splits.add(new OptimizeSplit(table.table().key(), partition.getKey().projectId(), partition.getKey().epochDay(), inputs.stream()
                        .map(file -> new OptimizeSplit.Input(DeltaLogFiles.dataFile(table.table().storage().tableRoot(), file.path()).toString(), file.size()))
                        .toList()));
                runs.add(new OptimizeRun(table.table().key(), partition.getKey().partitionValues(), inputs, OptimizeSelection.writeVersion(inputs), table.snapshot().version()));
            }
        }
        return new FixedSplitSource(splits.build(), runs);
    }

    private static Map<PartitionKey, List<AddFile>> partitions(TableSnapshot table, BiPredicate<String, Long> partitionFilter)
    {
        Map<PartitionKey, List<AddFile>> partitions = new LinkedHashMap<>();
        for (AddFile file : table.snapshot().liveFiles()) {
            // rows of a project registered elsewhere are not read from this table, so they are not rewritten either
            table.table().partitionOf(file)
                    .filter(partition -> partitionFilter.test(partition.projectId(), partition.epochDay()))
                    .ifPresent(partition -> partitions.computeIfAbsent(partition, _ -> new ArrayList<>()).add(file));
        }
        return partitions;
    }
}

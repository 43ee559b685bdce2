package io.timefusion.trino.maintenance;

import com.google.common.collect.ImmutableList;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.projects.ProjectTables.ReadTable;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.FixedSplitSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;

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
            for (Map.Entry<Map<String, String>, List<AddFile>> partition : partitions(table, partitionFilter).entrySet()) {
                List<AddFile> inputs = OptimizeSelection.select(partition.getValue(), fileSizeThreshold);
                if (inputs.isEmpty()) {
                    continue;
                }
                String projectId = partition.getKey().get(PROJECT_ID);
                long epochDay = LocalDate.parse(partition.getKey().get(DATE_COLUMN)).toEpochDay();
                splits.add(new OptimizeSplit(table.table().key(), projectId, epochDay, inputs.stream()
                        .map(file -> new OptimizeSplit.Input(DeltaLogFiles.dataFile(table.table().storage().tableRoot(), file.path()).toString(), file.size()))
                        .toList()));
                runs.add(new OptimizeRun(table.table().key(), partition.getKey(), inputs, OptimizeSelection.writeVersion(inputs), table.snapshot().version()));
            }
        }
        return new FixedSplitSource(splits.build(), runs);
    }

    private static Map<Map<String, String>, List<AddFile>> partitions(TableSnapshot table, BiPredicate<String, Long> partitionFilter)
    {
        Map<Map<String, String>, List<AddFile>> partitions = new LinkedHashMap<>();
        for (AddFile file : table.snapshot().liveFiles()) {
            String projectId = file.partitionValues().get(PROJECT_ID);
            String date = file.partitionValues().get(DATE_COLUMN);
            // rows of a project registered elsewhere are not read from this table, so they are not rewritten either
            if (projectId == null || date == null || table.table().excludedProjects().contains(projectId)
                    || !partitionFilter.test(projectId, LocalDate.parse(date).toEpochDay())) {
                continue;
            }
            partitions.computeIfAbsent(Map.of(PROJECT_ID, projectId, DATE_COLUMN, date), _ -> new ArrayList<>()).add(file);
        }
        return partitions;
    }
}

package io.timefusion.trino.maintenance;

import io.timefusion.contract.MaintenanceFileCounts;
import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.airlift.slice.Slice;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaCommitter;
import io.timefusion.trino.delta.DeltaCommitter.Rewrite;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.delta.FileTags;
import io.timefusion.trino.delta.RowCounts;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.timefusion.trino.write.DataFileFragment;
import io.timefusion.trino.write.UncommittedDataFiles;
import io.trino.spi.TrinoException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * The end of an OPTIMIZE on the coordinator: for each table, one Delta commit that removes the files the scan read and
 * adds the files the sinks wrote (each tagged with the write version of the files it replaces). When a commit fails,
 * the new files of every table not yet committed are deleted: no reader ever saw them.
 */
public class OptimizeCommits
{
    static final String OPERATION = "OPTIMIZE";
    private static final Logger log = Logger.get(OptimizeCommits.class);

    private final DeltaCommitter committer;
    private final ProjectTables tables;
    private final FileSystems fileSystems;
    private final MaintenanceHistory history;

    private record PartitionOfTable(String table, Map<String, String> partitionValues) {}

    @Inject
    public OptimizeCommits(DeltaCommitter committer, ProjectTables tables, FileSystems fileSystems, MaintenanceHistory history)
    {
        this.committer = requireNonNull(committer, "committer is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.history = requireNonNull(history, "history is null");
    }

    public void commit(String queryId, OptimizeExecuteHandle handle, Collection<Slice> fragments, List<Object> splitSourceInfo)
    {
        Map<PartitionOfTable, OptimizeRun> runs = new LinkedHashMap<>();
        for (Object info : splitSourceInfo) {
            OptimizeRun run = (OptimizeRun) info;
            runs.put(new PartitionOfTable(run.table(), run.partitionValues()), run);
        }
        Map<PartitionOfTable, List<AddFile>> written = new LinkedHashMap<>();
        for (Slice fragment : fragments) {
            DataFileFragment file = parse(fragment);
            written.computeIfAbsent(new PartitionOfTable(file.table(), file.add().partitionValues()), _ -> new ArrayList<>()).add(file.add());
        }
        List<PartitionOfTable> uncommitted = new ArrayList<>(written.keySet());
        try {
            for (PartitionOfTable partition : written.keySet()) {
                if (!runs.containsKey(partition)) {
                    throw new TrinoException(GENERIC_INTERNAL_ERROR, "OPTIMIZE wrote rows of project %s into table '%s', which it did not read them from; was the project registered or unregistered meanwhile? Nothing was committed"
                            .formatted(partition.partitionValues().get(PROJECT_ID), partition.table()));
                }
            }
            Map<String, List<OptimizeRun>> runsByTable = new LinkedHashMap<>();
            runs.values().forEach(run -> runsByTable.computeIfAbsent(run.table(), _ -> new ArrayList<>()).add(run));
            for (Map.Entry<String, List<OptimizeRun>> table : runsByTable.entrySet()) {
                commitTable(queryId, handle, table.getKey(), table.getValue(), written);
                table.getValue().forEach(run -> uncommitted.remove(new PartitionOfTable(run.table(), run.partitionValues())));
            }
        }
        catch (RuntimeException e) {
            uncommitted.forEach(partition -> UncommittedDataFiles.delete(partition.table(), written.get(partition), tables, fileSystems));
            throw e;
        }
    }

    private void commitTable(String queryId, OptimizeExecuteHandle handle, String tableKey, List<OptimizeRun> runs, Map<PartitionOfTable, List<AddFile>> written)
    {
        TableStorage storage = tables.byKey(tableKey);
        List<AddFile> removed = new ArrayList<>();
        List<AddFile> added = new ArrayList<>();
        for (OptimizeRun run : runs) {
            List<AddFile> output = written.getOrDefault(new PartitionOfTable(run.table(), run.partitionValues()), List.of());
            checkRowsKept(run, output);
            removed.addAll(run.inputs());
            output.forEach(file -> added.add(file.withTag(FileTags.WRITE_VERSION, Long.toString(run.writeVersion()))));
        }
        long readVersion = runs.getFirst().readVersion();
        Rewrite rewrite = new Rewrite(OPERATION, readVersion, removed, added, false,
                Map.of("fileSizeThreshold", Long.toString(handle.fileSizeThreshold())));
        long version = committer.commitRewrite(storage, rewrite, queryId);
        Instant now = Instant.now();
        for (OptimizeRun run : runs) {
            List<AddFile> output = written.getOrDefault(new PartitionOfTable(run.table(), run.partitionValues()), List.of());
            OptionalLong rowsRead = RowCounts.total(run.inputs());
            long rowsWritten = RowCounts.total(output).orElse(0);
            history.record(new MaintenanceHistory.Run(
                    queryId,
                    "optimize",
                    storage.describe(),
                    Optional.of(run.partitionValues().get(PROJECT_ID)),
                    Optional.of(LocalDate.parse(run.partitionValues().get(DATE_COLUMN))),
                    new MaintenanceFileCounts(run.inputs().size(), run.inputs().stream().mapToLong(AddFile::size).sum(), output.size(), output.stream().mapToLong(AddFile::size).sum()),
                    rowsWritten,
                    rowsRead.isPresent() ? OptionalLong.of(rowsRead.getAsLong() - rowsWritten) : OptionalLong.empty(),
                    OptionalLong.of(version),
                    now));
        }
        log.info("OPTIMIZE %s committed version %s of %s: %s files rewritten into %s", queryId, version, storage.describe(), removed.size(), added.size());
    }

    /** Deduplication only drops rows: more rows out than in, or none out of some, would be a bug that loses or invents data. */
    private static void checkRowsKept(OptimizeRun run, List<AddFile> output)
    {
        OptionalLong rowsRead = RowCounts.total(run.inputs());
        OptionalLong rowsWritten = RowCounts.total(output);
        boolean lost = output.isEmpty() && (rowsRead.isEmpty() || rowsRead.getAsLong() > 0);
        boolean invented = rowsRead.isPresent() && rowsWritten.isPresent() && rowsWritten.getAsLong() > rowsRead.getAsLong();
        if (lost || invented) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "OPTIMIZE of partition %s read %s rows but wrote %s; nothing was committed"
                    .formatted(run.partitionValues(), rowsRead.isPresent() ? rowsRead.getAsLong() : "?", rowsWritten.isPresent() ? rowsWritten.getAsLong() : "?"));
        }
    }

    private static DataFileFragment parse(Slice fragment)
    {
        return DeltaJson.fromFragment(fragment, DataFileFragment.class);
    }
}

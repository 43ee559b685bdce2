package io.timefusion.trino.dml;

import com.google.inject.Inject;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaCommitter;
import io.timefusion.trino.delta.DeltaCommitter.Rewrite;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.delta.RowCounts;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.projects.ProjectTables.ReadTable;
import io.timefusion.trino.read.FilePruner;
import io.timefusion.trino.read.QuerySnapshots;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A DELETE whose predicate names whole partitions (project_id and date only, or nothing): the partitions' files are
 * removed from the table in one commit per table, without reading or rewriting any of them.
 */
public class PartitionDeletes
{
    static final String OPERATION = "DELETE";

    private final DeltaCommitter committer;
    private final ProjectTables tables;
    private final QuerySnapshots snapshots;

    @Inject
    public PartitionDeletes(DeltaCommitter committer, ProjectTables tables, QuerySnapshots snapshots)
    {
        this.committer = requireNonNull(committer, "committer is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
    }

    /** The rows deleted, or empty when a removed file's statistics do not count its rows. */
    public OptionalLong delete(String queryId, TimeFusionTableHandle handle)
    {
        if (handle.constraint().isNone()) {
            return OptionalLong.of(0);
        }
        FilePruner pruner = new FilePruner(handle.constraint());
        long deletedRows = 0;
        boolean counted = true;
        for (ReadTable table : tables.forRead(pruner.projectDomain())) {
            DeltaSnapshot snapshot = snapshots.snapshot(queryId, table.storage());
            List<AddFile> files = snapshot.liveFiles().stream()
                    .filter(file -> table.partitionOf(file).filter(partition -> pruner.matchesPartition(partition.projectId(), partition.epochDay())).isPresent())
                    .toList();
            if (files.isEmpty()) {
                continue;
            }
            committer.commitRewrite(table.storage(), new Rewrite(OPERATION, snapshot.version(), files, List.of(), true, Map.of()), queryId);
            OptionalLong rows = RowCounts.total(files);
            counted &= rows.isPresent();
            deletedRows += rows.orElse(0);
        }
        return counted ? OptionalLong.of(deletedRows) : OptionalLong.empty();
    }
}

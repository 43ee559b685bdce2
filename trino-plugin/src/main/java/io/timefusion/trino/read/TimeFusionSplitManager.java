package io.timefusion.trino.read;

import com.google.inject.Inject;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.TableStorage;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;
import io.timefusion.trino.ingest.IngestBatchHandle;
import io.timefusion.trino.ingest.IngestBatchSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedSplitSource;

import java.util.ArrayList;
import java.util.List;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static java.util.Objects.requireNonNull;

/**
 * One split per live data file that the pushed-down predicate cannot rule out, over every table the query must read:
 * the default table and the registered projects' own tables.
 */
public class TimeFusionSplitManager
        implements ConnectorSplitManager
{
    private final DeltaSnapshots snapshots;
    private final ProjectTables tables;

    @Inject
    public TimeFusionSplitManager(DeltaSnapshots snapshots, ProjectTables tables)
    {
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.tables = requireNonNull(tables, "tables is null");
    }

    @Override
    public ConnectorSplitSource getSplits(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorTableHandle tableHandle, DynamicFilter dynamicFilter, Constraint constraint)
    {
        TimeFusionTableHandle handle = (TimeFusionTableHandle) tableHandle;
        FilePruner pruner = new FilePruner(handle.constraint());
        List<ConnectorSplit> splits = new ArrayList<>();
        for (ProjectTables.ReadTable table : tables.forRead(pruner.projectDomain())) {
            TableStorage storage = table.storage();
            for (AddFile file : snapshots.latest(storage).liveFiles()) {
                String projectId = file.partitionValues().get(PROJECT_ID);
                String date = file.partitionValues().get(DATE_COLUMN);
                if (projectId == null || date == null || table.excludedProjects().contains(projectId)) {
                    continue;
                }
                long epochDay = FilePruner.epochDay(date);
                if (pruner.matches(projectId, epochDay, file)) {
                    splits.add(new TimeFusionSplit(table.key(), DeltaLogFiles.dataFile(storage.tableRoot(), file.path()).toString(), file.size(), projectId, epochDay));
                }
            }
        }
        return new FixedSplitSource(splits);
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

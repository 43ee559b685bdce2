package io.timefusion.trino.maintenance;

import com.google.inject.Inject;
import io.timefusion.contract.SystemSchema;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.delta.FileTags;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.projects.ProjectTables.ReadTable;
import io.timefusion.trino.write.PartitionKey;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.InMemoryRecordSet;
import io.trino.spi.connector.RecordCursor;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.predicate.TupleDomain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code timefusion.system.partitions}: the live data files of each (project_id, date) of every table, how many of
 * them are small ({@code timefusion.optimize.file-size-threshold}) or unsorted, and how many the next OPTIMIZE with
 * that threshold would rewrite. Automatic maintenance picks its partitions from here; /status shows the figures.
 */
public class PartitionFilesSystemTable
        implements SystemTable
{
    private static final ConnectorTableMetadata METADATA = new ConnectorTableMetadata(
            new SchemaTableName(SystemSchema.NAME, SystemSchema.PARTITIONS_TABLE),
            List.of(
                    new ColumnMetadata("project_id", VARCHAR),
                    new ColumnMetadata("date", DATE),
                    new ColumnMetadata("files", BIGINT),
                    new ColumnMetadata("bytes", BIGINT),
                    new ColumnMetadata("small_files", BIGINT),
                    new ColumnMetadata("unsorted_files", BIGINT),
                    new ColumnMetadata("optimizable_files", BIGINT),
                    new ColumnMetadata("table_location", VARCHAR)));

    private final ProjectTables tables;
    private final DeltaSnapshots snapshots;
    private final long fileSizeThreshold;

    @Inject
    public PartitionFilesSystemTable(ProjectTables tables, DeltaSnapshots snapshots, TimeFusionConfig config)
    {
        this.tables = requireNonNull(tables, "tables is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.fileSizeThreshold = config.getOptimizeFileSizeThreshold().toBytes();
    }

    @Override
    public Distribution getDistribution()
    {
        return Distribution.SINGLE_COORDINATOR;
    }

    @Override
    public ConnectorTableMetadata getTableMetadata()
    {
        return METADATA;
    }

    @Override
    public RecordCursor cursor(ConnectorTransactionHandle transaction, ConnectorSession session, TupleDomain<Integer> constraint)
    {
        InMemoryRecordSet.Builder rows = InMemoryRecordSet.builder(METADATA);
        for (ReadTable table : tables.forRead(Optional.empty())) {
            DeltaSnapshot snapshot = snapshots.latest(table.storage());
            Map<PartitionKey, List<AddFile>> partitions = new TreeMap<>(Comparator.comparing(PartitionKey::projectId).thenComparingLong(PartitionKey::epochDay));
            for (AddFile file : snapshot.liveFiles()) {
                table.partitionOf(file).ifPresent(partition -> partitions.computeIfAbsent(partition, _ -> new ArrayList<>()).add(file));
            }
            partitions.forEach((partition, files) -> rows.addRow(
                    partition.projectId(),
                    partition.epochDay(),
                    (long) files.size(),
                    files.stream().mapToLong(AddFile::size).sum(),
                    files.stream().filter(file -> file.size() < fileSizeThreshold).count(),
                    files.stream().filter(file -> !FileTags.isSortedByTimestampDescending(file)).count(),
                    (long) OptimizeSelection.select(files, fileSizeThreshold).size(),
                    table.storage().describe()));
        }
        return rows.build().cursor();
    }
}

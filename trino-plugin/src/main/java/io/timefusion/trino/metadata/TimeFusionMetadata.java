package io.timefusion.trino.metadata;

import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import io.airlift.slice.Slice;
import io.timefusion.trino.TimeFusionSessionProperties;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.Transaction;
import io.timefusion.trino.delta.DeltaCommitter;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.dml.MergeCommits;
import io.timefusion.trino.dml.PartitionDeletes;
import io.timefusion.trino.dml.RowIdPartitioningHandle;
import io.timefusion.trino.dml.TimeFusionMergeTableHandle;
import io.timefusion.trino.maintenance.OptimizeCommits;
import io.timefusion.trino.maintenance.OptimizeExecuteHandle;
import io.timefusion.trino.maintenance.OptimizeTableProcedure;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.read.FileBloomFilters;
import io.timefusion.trino.read.QuerySnapshots;
import io.timefusion.trino.read.RowCountColumn;
import io.timefusion.trino.read.ScanPushdown;
import io.timefusion.trino.read.SingleReaderPartitioning;
import io.timefusion.trino.read.TimeBucketColumn;
import io.timefusion.trino.read.TimeBucketPushdown;
import io.timefusion.trino.storage.TableStorage;
import io.timefusion.trino.write.DataFileFragment;
import io.timefusion.trino.write.WritePartitioningHandle;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.AggregateFunction;
import io.trino.spi.connector.AggregationApplicationResult;
import io.trino.spi.connector.BeginTableExecuteResult;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorAccessControl;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMergeTableHandle;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorOutputMetadata;
import io.trino.spi.connector.ConnectorPartitioningHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableExecuteHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableLayout;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTablePartitioning;
import io.trino.spi.connector.ConnectorTableProperties;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.connector.ProjectionApplicationResult;
import io.trino.spi.connector.RetryMode;
import io.trino.spi.connector.RowChangeParadigm;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SortItem;
import io.trino.spi.connector.TopNApplicationResult;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.statistics.ComputedStatistics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static com.google.common.collect.ImmutableMap.toImmutableMap;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * The one schema ({@code public}) and table ({@code otel_logs_and_spans}) of the catalog, predicate pushdown
 * for pruning, the commit of INSERTs (the add actions of all page sinks become one Delta version), and the table
 * procedure OPTIMIZE, which {@link OptimizeTableProcedure} and {@link OptimizeCommits} carry out.
 */
public class TimeFusionMetadata
        implements ConnectorMetadata
{
    private final OtelLogsAndSpansTable table;
    private final ProjectTables tables;
    private final DeltaCommitter committer;
    private final QuerySnapshots querySnapshots;
    private final OptimizeTableProcedure optimize;
    private final OptimizeCommits optimizeCommits;
    private final MergeCommits mergeCommits;
    private final PartitionDeletes partitionDeletes;
    private final FileBloomFilters bloomFilters;

    @Inject
    public TimeFusionMetadata(OtelLogsAndSpansTable table, ProjectTables tables, DeltaCommitter committer, QuerySnapshots querySnapshots,
            OptimizeTableProcedure optimize, OptimizeCommits optimizeCommits, MergeCommits mergeCommits, PartitionDeletes partitionDeletes, FileBloomFilters bloomFilters)
    {
        this.bloomFilters = requireNonNull(bloomFilters, "bloomFilters is null");
        this.mergeCommits = requireNonNull(mergeCommits, "mergeCommits is null");
        this.partitionDeletes = requireNonNull(partitionDeletes, "partitionDeletes is null");
        this.optimize = requireNonNull(optimize, "optimize is null");
        this.optimizeCommits = requireNonNull(optimizeCommits, "optimizeCommits is null");
        this.table = requireNonNull(table, "table is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.committer = requireNonNull(committer, "committer is null");
        this.querySnapshots = requireNonNull(querySnapshots, "querySnapshots is null");
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        return List.of(OtelLogsAndSpansTable.SCHEMA);
    }

    @Override
    public ConnectorTableHandle getTableHandle(ConnectorSession session, SchemaTableName tableName, Optional<ConnectorTableVersion> startVersion, Optional<ConnectorTableVersion> endVersion)
    {
        if (startVersion.isPresent() || endVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, "otel_logs_and_spans does not support time travel (FOR VERSION/TIMESTAMP AS OF)");
        }
        return tableName.equals(OtelLogsAndSpansTable.NAME) ? new TimeFusionTableHandle(TupleDomain.all()) : null;
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        return new ConnectorTableMetadata(
                OtelLogsAndSpansTable.NAME,
                table.columns().stream().map(TableColumn::metadata).collect(ImmutableList.toImmutableList()),
                Map.of(),
                Optional.of("OpenTelemetry logs and spans, stored as a Delta Lake table partitioned by project_id and date"));
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        return schemaName.isEmpty() || schemaName.get().equals(OtelLogsAndSpansTable.SCHEMA) ? List.of(OtelLogsAndSpansTable.NAME) : List.of();
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        return table.columns().stream().collect(toImmutableMap(TableColumn::name, TableColumn::handle));
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnHandle columnHandle)
    {
        return switch (columnHandle) {
            case TimeBucketColumn bucket -> ColumnMetadata.builder().setName(bucket.name()).setType(TimeBucketColumn.TYPE).setNullable(false).build();
            case RowCountColumn count -> ColumnMetadata.builder().setName(count.name()).setType(RowCountColumn.TYPE).setNullable(false).build();
            case ColumnHandle rowId when MergeRowId.isRowId(rowId) -> MergeRowId.metadata();
            default -> table.column(((TimeFusionColumnHandle) columnHandle).name()).metadata();
        };
    }

    @Override
    public Optional<ConstraintApplicationResult<ConnectorTableHandle>> applyFilter(ConnectorSession session, ConnectorTableHandle tableHandle, Constraint constraint)
    {
        return ScanPushdown.applyFilter((TimeFusionTableHandle) tableHandle, constraint);
    }

    @Override
    public Optional<TopNApplicationResult<ConnectorTableHandle>> applyTopN(ConnectorSession session, ConnectorTableHandle tableHandle, long topNCount, List<SortItem> sortItems, Map<String, ColumnHandle> assignments)
    {
        return ScanPushdown.applyTopN((TimeFusionTableHandle) tableHandle, topNCount, sortItems, assignments);
    }

    @Override
    public ConnectorTableProperties getTableProperties(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        TimeFusionTableHandle handle = (TimeFusionTableHandle) tableHandle;
        if (!SingleReaderPartitioning.appliesTo(handle)) {
            return new ConnectorTableProperties();
        }
        return new ConnectorTableProperties(TupleDomain.all(), Optional.of(new ConnectorTablePartitioning(SingleReaderPartitioning.INSTANCE, List.of())), Optional.empty(), List.of());
    }

    @Override
    public Optional<ProjectionApplicationResult<ConnectorTableHandle>> applyProjection(ConnectorSession session, ConnectorTableHandle tableHandle, List<ConnectorExpression> projections, Map<String, ColumnHandle> assignments)
    {
        return TimeBucketPushdown.applyProjection((TimeFusionTableHandle) tableHandle, projections, assignments);
    }

    @Override
    public Optional<AggregationApplicationResult<ConnectorTableHandle>> applyAggregation(ConnectorSession session, ConnectorTableHandle tableHandle, List<AggregateFunction> aggregates, Map<String, ColumnHandle> assignments,
            List<List<ColumnHandle>> groupingSets)
    {
        return TimeBucketPushdown.applyAggregation((TimeFusionTableHandle) tableHandle, aggregates, groupingSets);
    }

    /**
     * Each (project_id, date) goes to exactly one writer, so that an INSERT writes one file per partition (docs/storage.md:
     * sized files, not one per writer). {@code false}: several writers per partition are refused, which keeps writer
     * scaling from splitting a skewed partition over writers.
     */
    @Override
    public Optional<ConnectorTableLayout> getInsertLayout(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        return Optional.of(new ConnectorTableLayout(WritePartitioningHandle.INSTANCE, OtelLogsAndSpansTable.PARTITION_COLUMNS, false));
    }

    @Override
    public ConnectorInsertTableHandle beginInsert(ConnectorSession session, ConnectorTableHandle tableHandle, List<ColumnHandle> columns, RetryMode retryMode)
    {
        if (retryMode != RetryMode.NO_RETRIES) {
            throw new TrinoException(NOT_SUPPORTED, "otel_logs_and_spans does not support fault-tolerant execution (retry-policy) for INSERT");
        }
        return new TimeFusionInsertTableHandle(columns.stream().map(TimeFusionColumnHandle.class::cast).toList());
    }

    @Override
    public Optional<ConnectorOutputMetadata> finishInsert(ConnectorSession session, ConnectorInsertTableHandle insertHandle, List<ConnectorTableHandle> sourceTableHandles, Collection<Slice> fragments, Collection<ComputedStatistics> computedStatistics)
    {
        // one Delta version per table the INSERT wrote to: the default table and each registered project's own
        Map<String, List<AddFile>> filesByTable = fragments.stream()
                .map(TimeFusionMetadata::toFragment)
                .collect(Collectors.groupingBy(DataFileFragment::table, LinkedHashMap::new, Collectors.mapping(DataFileFragment::add, Collectors.toList())));
        Optional<Transaction> transaction = TimeFusionSessionProperties.ingestTransaction(session);
        filesByTable.forEach((key, files) -> {
            TableStorage storage = tables.byKey(key);
            committer.commitAppend(storage, files, session.getQueryId(), transaction);
            // the new files' filters are ready before their first lookup by id or trace id
            files.forEach(file -> bloomFilters.preload(storage, DeltaLogFiles.dataFile(storage.tableRoot(), file.path()), file.size()));
        });
        return Optional.empty();
    }

    /** Copy-on-write: Trino sends an updated row as the deletion of the old row and the insertion of the new one. */
    @Override
    public RowChangeParadigm getRowChangeParadigm(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        return RowChangeParadigm.DELETE_ROW_AND_INSERT_ROW;
    }

    @Override
    public ColumnHandle getMergeRowIdColumnHandle(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        return MergeRowId.HANDLE;
    }

    /** Deleted rows are spread over the sinks by data file (new rows by partition, as for INSERT). */
    @Override
    public Optional<ConnectorPartitioningHandle> getUpdateLayout(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        return Optional.of(RowIdPartitioningHandle.INSTANCE);
    }

    @Override
    public ConnectorMergeTableHandle beginMerge(ConnectorSession session, ConnectorTableHandle tableHandle, Map<Integer, Collection<ColumnHandle>> updateCaseColumns, RetryMode retryMode)
    {
        if (retryMode != RetryMode.NO_RETRIES) {
            throw new TrinoException(NOT_SUPPORTED, "otel_logs_and_spans does not support fault-tolerant execution (retry-policy) for UPDATE, DELETE or MERGE");
        }
        updateCaseColumns.values().stream()
                .flatMap(Collection::stream)
                .map(column -> ((TimeFusionColumnHandle) column).name())
                .filter(OtelLogsAndSpansTable::isStorageKeyColumn)
                .findFirst()
                .ifPresent(column -> {
                    throw new TrinoException(NOT_SUPPORTED, "Column %s of otel_logs_and_spans cannot be updated: rows are stored by project_id, date and timestamp; delete the row and insert it again".formatted(column));
                });
        return new TimeFusionMergeTableHandle((TimeFusionTableHandle) tableHandle, table.columns().stream().map(TableColumn::handle).toList());
    }

    @Override
    public void finishMerge(ConnectorSession session, ConnectorMergeTableHandle mergeTableHandle, List<ConnectorTableHandle> sourceTableHandles, Collection<Slice> fragments, Collection<ComputedStatistics> computedStatistics)
    {
        mergeCommits.commit(session.getQueryId(), fragments);
    }

    /** A DELETE that names whole partitions only (Trino asks when no predicate is left for it to check) removes their files without reading them. */
    @Override
    public Optional<ConnectorTableHandle> applyDelete(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        TimeFusionTableHandle handle = (TimeFusionTableHandle) tableHandle;
        return handle.optimize().isEmpty() && handle.topN().isEmpty() && handle.filtersPartitionsOnly() ? Optional.of(handle) : Optional.empty();
    }

    @Override
    public OptionalLong executeDelete(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        return partitionDeletes.delete(session.getQueryId(), (TimeFusionTableHandle) tableHandle);
    }

    @Override
    public Optional<ConnectorTableExecuteHandle> getTableHandleForExecute(ConnectorSession session, ConnectorAccessControl accessControl, ConnectorTableHandle tableHandle,
            String procedureName, Map<String, Object> executeProperties, RetryMode retryMode)
    {
        return optimize.executeHandle(procedureName, executeProperties, retryMode);
    }

    @Override
    public Optional<ConnectorTableLayout> getLayoutForTableExecute(ConnectorSession session, ConnectorTableExecuteHandle tableExecuteHandle)
    {
        return optimize.layout();
    }

    @Override
    public BeginTableExecuteResult<ConnectorTableExecuteHandle, ConnectorTableHandle> beginTableExecute(ConnectorSession session, ConnectorTableExecuteHandle tableExecuteHandle,
            ConnectorTableHandle updatedSourceTableHandle)
    {
        return optimize.begin(tableExecuteHandle, updatedSourceTableHandle);
    }

    /** The splits' runs (which files each partition's rewrite replaces) arrive as the split source's table-execute info. */
    @Override
    public void finishTableExecute(ConnectorSession session, ConnectorTableExecuteHandle tableExecuteHandle, Collection<Slice> fragments, List<Object> tableExecuteState)
    {
        optimizeCommits.commit(session.getQueryId(), (OptimizeExecuteHandle) tableExecuteHandle, fragments, tableExecuteState);
    }

    /** The query's snapshots were pinned for its scans (QuerySnapshots); once it ended they are garbage. */
    @Override
    public void cleanupQuery(ConnectorSession session)
    {
        querySnapshots.release(session.getQueryId());
    }

    private static DataFileFragment toFragment(Slice fragment)
    {
        return DeltaJson.fromFragment(fragment, DataFileFragment.class);
    }
}

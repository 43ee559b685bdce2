package io.timefusion.trino.read;

import com.google.inject.Inject;
import io.airlift.slice.Slices;
import io.timefusion.trino.buffer.BufferPageSourceProvider;
import io.timefusion.trino.buffer.BufferSplit;
import io.timefusion.trino.maintenance.OptimizePageSources;
import io.timefusion.trino.maintenance.OptimizeSplit;
import io.timefusion.trino.metadata.DeltaType;
import io.timefusion.trino.metadata.MergeRowId;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.timefusion.trino.parquet.ParquetFileReader.RequestedColumn;
import io.timefusion.trino.parquet.ParquetFileReader;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.read.TimeFusionPageSource.RowIdSource;
import io.timefusion.trino.storage.FileSystems;
import io.trino.filesystem.Location;
import io.trino.memory.context.AggregatedMemoryContext;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.EmptyPageSource;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.LongTimestampWithTimeZone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;
import static io.trino.spi.predicate.Utils.nativeValueToBlock;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

public class TimeFusionPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final FileSystems fileSystems;
    private final ProjectTables tables;
    private final OtelLogsAndSpansTable table;
    private final BufferPageSourceProvider bufferPageSources;
    private final OptimizePageSources optimizePageSources;

    @Inject
    public TimeFusionPageSourceProvider(FileSystems fileSystems, ProjectTables tables, OtelLogsAndSpansTable table, BufferPageSourceProvider bufferPageSources,
            OptimizePageSources optimizePageSources)
    {
        this.optimizePageSources = requireNonNull(optimizePageSources, "optimizePageSources is null");
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.table = requireNonNull(table, "table is null");
        this.bufferPageSources = requireNonNull(bufferPageSources, "bufferPageSources is null");
    }

    @Override
    public ConnectorPageSource createPageSource(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorSplit connectorSplit,
            ConnectorTableHandle tableHandle,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter)
    {
        TimeFusionTableHandle handle = (TimeFusionTableHandle) tableHandle;
        TimeFusionColumnHandle timestamp = table.column(TIMESTAMP).handle();
        if (connectorSplit instanceof BucketCountSplit split) {
            // one filter and predicate for all the files, as for a file group
            RowFilter filter = handle.rowFilter();
            TupleDomain<String> predicate = filePredicate(handle, dynamicFilter);
            List<ColumnHandle> timestamps = List.of(timestamp);
            List<Supplier<ConnectorPageSource>> parts = new ArrayList<>();
            split.files().forEach(file -> parts.add(() -> openFile(file, timestamps, filter, predicate, false)));
            split.buffers().forEach(buffer -> parts.add(() -> bufferPageSources.createPageSource(buffer, handle, List.of(timestamp))));
            return new BucketCountPageSource(handle.countPerBucket().orElseThrow(), columns, parts);
        }
        // a pushed time_bucket is computed from the timestamps read in its place
        List<ColumnHandle> read = columns.stream().map(column -> column instanceof TimeBucketColumn ? timestamp : column).toList();
        ConnectorPageSource rows = rowsPageSource(connectorSplit, handle, read, dynamicFilter);
        return read.equals(columns) ? rows : new TimeBucketPageSource(rows, columns);
    }

    private ConnectorPageSource rowsPageSource(ConnectorSplit connectorSplit, TimeFusionTableHandle handle, List<ColumnHandle> columns, DynamicFilter dynamicFilter)
    {
        boolean rowIds = columns.stream().anyMatch(MergeRowId::isRowId);
        if (connectorSplit instanceof BufferSplit bufferSplit) {
            if (rowIds) {
                // the scan of an UPDATE, DELETE or MERGE changes rows stored in Delta; buffered rows are not (the gateway flushes them first)
                return new EmptyPageSource();
            }
            return bufferPageSources.createPageSource(bufferSplit, handle, columns.stream().map(TimeFusionColumnHandle.class::cast).toList());
        }
        if (connectorSplit instanceof OptimizeSplit optimizeSplit) {
            return optimizePageSources.create(optimizeSplit, columns.stream().map(TimeFusionColumnHandle.class::cast).toList());
        }
        RowFilter filter = handle.rowFilter();
        TupleDomain<String> predicate = filePredicate(handle, dynamicFilter);
        if (connectorSplit instanceof FileGroupSplit group) {
            int timestampChannel = columns.indexOf(table.column(TIMESTAMP).handle());
            if (group.topN().isPresent() && timestampChannel < 0) {
                throw new IllegalArgumentException("The scan of " + group.topN().get() + " does not read timestamp");
            }
            return new FileGroupPageSource(group, timestampChannel, (file, boundMicros, descending) ->
                    openFile(file, columns, filter, predicate.intersect(atOrBeyond(boundMicros, descending)), rowIds));
        }
        return openFile((TimeFusionSplit) connectorSplit, columns, filter, predicate, rowIds);
    }

    /** What the Parquet reader prunes row groups by: the scan's domains and the dynamic filter's, by column name, of the columns files store. */
    private TupleDomain<String> filePredicate(TimeFusionTableHandle handle, DynamicFilter dynamicFilter)
    {
        return handle.constraint()
                .intersect(dynamicFilter.getCurrentPredicate().filter((column, _) -> column instanceof TimeFusionColumnHandle).transformKeys(TimeFusionColumnHandle.class::cast))
                .filter((column, _) -> !OtelLogsAndSpansTable.isPartitionColumn(column.name()) && !MergeRowId.isRowId(column) && !isJson(column))
                .transformKeys(TimeFusionColumnHandle::name);
    }

    private TimeFusionPageSource openFile(TimeFusionSplit split, List<ColumnHandle> columns, RowFilter filter, TupleDomain<String> predicate, boolean rowIds)
    {
        List<RequestedColumn> stored = new ArrayList<>();
        int[] readerChannels = new int[columns.size()];
        Block[] constants = new Block[columns.size()];
        for (int channel = 0; channel < columns.size(); channel++) {
            TimeFusionColumnHandle column = (TimeFusionColumnHandle) columns.get(channel);
            if (MergeRowId.isRowId(column)) {
                readerChannels[channel] = TimeFusionPageSource.ROW_ID;
            }
            else if (OtelLogsAndSpansTable.isPartitionColumn(column.name())) {
                readerChannels[channel] = TimeFusionPageSource.CONSTANT;
                constants[channel] = column.name().equals(PROJECT_ID)
                        ? nativeValueToBlock(VARCHAR, Slices.utf8Slice(split.projectId()))
                        : nativeValueToBlock(DATE, split.epochDay());
            }
            else {
                readerChannels[channel] = storedChannel(stored, column.name());
            }
        }
        // the filter's columns are read too, also those the query does not return
        int[] filterChannels = filter.columns().stream().mapToInt(column -> storedChannel(stored, column.name())).toArray();

        Location location = Location.of(split.path());
        AggregatedMemoryContext memoryContext = newSimpleAggregatedMemoryContext();
        try {
            ParquetFileReader reader = ParquetFileReader.open(
                    fileSystems.fileSystem(tables.byKey(split.table()).backend()).newInputFile(location, split.fileSize()),
                    split.start(),
                    split.length(),
                    stored,
                    predicate,
                    rowIds,
                    memoryContext);
            Optional<RowIdSource> rowIdSource = rowIds ? Optional.of(new RowIdSource(split.table(), split.deltaPath(), split.fileSize())) : Optional.empty();
            return new TimeFusionPageSource(reader, readerChannels, constants, rowIdSource, filter, filterChannels, memoryContext);
        }
        catch (IOException e) {
            throw storageError("open data file", location, e);
        }
    }

    private int storedChannel(List<RequestedColumn> stored, String name)
    {
        for (int channel = 0; channel < stored.size(); channel++) {
            if (stored.get(channel).name().equals(name)) {
                return channel;
            }
        }
        stored.add(new RequestedColumn(name, table.column(name).storedType()));
        return stored.size() - 1;
    }

    /** Timestamps at or after the bound (before it, for ascending order), or any when there is none. */
    private static TupleDomain<String> atOrBeyond(OptionalLong boundMicros, boolean descending)
    {
        if (boundMicros.isEmpty()) {
            return TupleDomain.all();
        }
        LongTimestampWithTimeZone bound = StoredTimestamps.utcTimestamp(boundMicros.getAsLong());
        Range range = descending ? Range.greaterThanOrEqual(TIMESTAMP_TZ_MICROS, bound) : Range.lessThanOrEqual(TIMESTAMP_TZ_MICROS, bound);
        return TupleDomain.withColumnDomains(Map.of(TIMESTAMP, Domain.create(ValueSet.ofRanges(range), false)));
    }

    // JSON is stored as UTF-8 text (TableColumn.storedType): Parquet statistics of the text cannot check a JSON domain
    private boolean isJson(TimeFusionColumnHandle column)
    {
        return table.column(column.name()).deltaType() == DeltaType.STRING && !column.type().equals(VARCHAR);
    }
}

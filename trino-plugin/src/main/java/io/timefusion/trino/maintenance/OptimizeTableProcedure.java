package io.timefusion.trino.maintenance;

import com.google.inject.Inject;
import io.airlift.units.DataSize;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.timefusion.trino.write.WritePartitioningHandle;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.BeginTableExecuteResult;
import io.trino.spi.connector.ConnectorTableExecuteHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableLayout;
import io.trino.spi.connector.RetryMode;
import io.trino.spi.connector.TableProcedureMetadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.plugin.base.session.PropertyMetadataUtil.dataSizeProperty;
import static io.trino.spi.StandardErrorCode.INVALID_PROCEDURE_ARGUMENT;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.connector.TableProcedureExecutionMode.distributedWithFilteringAndRepartitioning;
import static java.util.Objects.requireNonNull;

/**
 * {@code ALTER TABLE otel_logs_and_spans EXECUTE optimize(file_size_threshold => '…') [WHERE project_id = … AND date = …]}
 * through Trino's table-procedure SPI: the scan reads the files to rewrite on the workers (one split per partition,
 * merged and deduplicated in the page source), the rows are repartitioned by (project_id, date) so that one writer
 * writes each partition, and {@link OptimizeCommits} commits the result. The WHERE clause may name partition columns
 * only; Trino refuses any other predicate.
 */
public class OptimizeTableProcedure
{
    public static final String NAME = "OPTIMIZE";
    static final String FILE_SIZE_THRESHOLD = "file_size_threshold";

    private final OtelLogsAndSpansTable table;
    private final DataSize defaultFileSizeThreshold;

    @Inject
    public OptimizeTableProcedure(OtelLogsAndSpansTable table, TimeFusionConfig config)
    {
        this.table = requireNonNull(table, "table is null");
        this.defaultFileSizeThreshold = config.getOptimizeFileSizeThreshold();
    }

    public TableProcedureMetadata metadata()
    {
        return new TableProcedureMetadata(NAME, distributedWithFilteringAndRepartitioning(), List.of(
                dataSizeProperty(FILE_SIZE_THRESHOLD, "Files smaller than this (and unsorted files) are rewritten", defaultFileSizeThreshold, false)));
    }

    public Optional<ConnectorTableExecuteHandle> executeHandle(String procedureName, Map<String, Object> properties, RetryMode retryMode)
    {
        if (!procedureName.equals(NAME)) {
            throw new TrinoException(NOT_SUPPORTED, "otel_logs_and_spans has no table procedure " + procedureName);
        }
        if (retryMode != RetryMode.NO_RETRIES) {
            throw new TrinoException(NOT_SUPPORTED, "otel_logs_and_spans does not support fault-tolerant execution (retry-policy) for OPTIMIZE");
        }
        DataSize threshold = (DataSize) properties.get(FILE_SIZE_THRESHOLD);
        if (threshold.toBytes() <= 0) {
            throw new TrinoException(INVALID_PROCEDURE_ARGUMENT, FILE_SIZE_THRESHOLD + " must be greater than 0, was " + threshold);
        }
        return Optional.of(new OptimizeExecuteHandle(threshold.toBytes(), table.columns().stream().map(TableColumn::handle).toList()));
    }

    /** One writer per (project_id, date), as for INSERT: each partition's merged rows become as few files as their size needs. */
    public Optional<ConnectorTableLayout> layout()
    {
        return Optional.of(new ConnectorTableLayout(WritePartitioningHandle.INSTANCE, OtelLogsAndSpansTable.PARTITION_COLUMNS, false));
    }

    public BeginTableExecuteResult<ConnectorTableExecuteHandle, ConnectorTableHandle> begin(ConnectorTableExecuteHandle executeHandle, ConnectorTableHandle sourceHandle)
    {
        OptimizeExecuteHandle handle = (OptimizeExecuteHandle) executeHandle;
        TimeFusionTableHandle source = (TimeFusionTableHandle) sourceHandle;
        if (!source.filtersPartitionsOnly()) {
            // OPTIMIZE rewrites whole partitions, every row of them: a WHERE on other columns would seem to choose rows
            throw new TrinoException(NOT_SUPPORTED, "optimize takes a WHERE on project_id and date only, which name whole partitions");
        }
        return new BeginTableExecuteResult<>(handle, source.forOptimize(new OptimizeScan(handle.fileSizeThreshold())));
    }
}

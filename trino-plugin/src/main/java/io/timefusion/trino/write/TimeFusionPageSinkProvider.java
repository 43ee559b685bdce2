package io.timefusion.trino.write;

import com.google.inject.Inject;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.dml.DataFileRewriter;
import io.timefusion.trino.dml.TimeFusionMergeSink;
import io.timefusion.trino.dml.TimeFusionMergeTableHandle;
import io.timefusion.trino.maintenance.OptimizeExecuteHandle;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TimeFusionInsertTableHandle;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.FileSystems;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMergeSink;
import io.trino.spi.connector.ConnectorMergeTableHandle;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.connector.ConnectorPageSinkId;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableExecuteHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;

import static java.util.Objects.requireNonNull;

public class TimeFusionPageSinkProvider
        implements ConnectorPageSinkProvider
{
    private final FileSystems fileSystems;
    private final ProjectTables tables;
    private final OtelLogsAndSpansTable table;
    private final long targetFileBytes;
    private final long bufferBudgetBytes;

    @Inject
    public TimeFusionPageSinkProvider(FileSystems fileSystems, ProjectTables tables, OtelLogsAndSpansTable table, TimeFusionConfig config)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.table = requireNonNull(table, "table is null");
        this.targetFileBytes = config.getTargetFileSize().toBytes();
        this.bufferBudgetBytes = config.getWriterBufferSize().toBytes();
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorOutputTableHandle outputTableHandle, ConnectorPageSinkId pageSinkId)
    {
        throw new UnsupportedOperationException("otel_logs_and_spans exists already; CREATE TABLE AS is not supported");
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorInsertTableHandle insertTableHandle, ConnectorPageSinkId pageSinkId)
    {
        TimeFusionInsertTableHandle handle = (TimeFusionInsertTableHandle) insertTableHandle;
        return new TimeFusionPageSink(fileSystems, tables, table, handle.columns(), targetFileBytes, bufferBudgetBytes);
    }

    @Override
    public ConnectorMergeSink createMergeSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorMergeTableHandle mergeHandle, ConnectorPageSinkId pageSinkId)
    {
        TimeFusionMergeTableHandle handle = (TimeFusionMergeTableHandle) mergeHandle;
        TimeFusionPageSink insertSink = new TimeFusionPageSink(fileSystems, tables, table, handle.columns(), targetFileBytes, bufferBudgetBytes);
        return new TimeFusionMergeSink(fileSystems, tables, new DataFileRewriter(table, targetFileBytes), insertSink, handle.columns());
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorTableExecuteHandle tableExecuteHandle, ConnectorPageSinkId pageSinkId)
    {
        OptimizeExecuteHandle handle = (OptimizeExecuteHandle) tableExecuteHandle;
        return new OptimizePageSink(fileSystems, tables, table, handle.columns(), targetFileBytes, bufferBudgetBytes);
    }
}

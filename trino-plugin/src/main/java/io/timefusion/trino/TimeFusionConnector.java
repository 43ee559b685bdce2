package io.timefusion.trino;

import com.google.common.collect.ImmutableSet;
import com.google.inject.Inject;
import io.airlift.bootstrap.LifeCycleManager;
import io.timefusion.trino.buffer.GatewayProcedures;
import io.timefusion.trino.buffer.GatewaysSystemTable;
import io.timefusion.trino.ingest.IngestBatchFunction;
import io.timefusion.trino.ingest.TimeFusionFunctionProvider;
import io.timefusion.trino.maintenance.MaintenanceProcedures;
import io.timefusion.trino.maintenance.MaintenanceRunsSystemTable;
import io.timefusion.trino.maintenance.OptimizeTableProcedure;
import io.timefusion.trino.maintenance.PartitionFilesSystemTable;
import io.timefusion.trino.metadata.TimeFusionMetadata;
import io.timefusion.trino.projects.ProjectProcedures;
import io.timefusion.trino.projects.ProjectsSystemTable;
import io.timefusion.trino.read.TimeFusionPageSourceProvider;
import io.timefusion.trino.read.TimeFusionSplitManager;
import io.timefusion.trino.security.TimeFusionAccessControl;
import io.timefusion.trino.write.TimeFusionNodePartitioningProvider;
import io.timefusion.trino.write.TimeFusionPageSinkProvider;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorAccessControl;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorNodePartitioningProvider;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.connector.TableProcedureMetadata;
import io.trino.spi.function.FunctionProvider;
import io.trino.spi.function.table.ConnectorTableFunction;
import io.trino.spi.procedure.Procedure;
import io.trino.spi.session.PropertyMetadata;
import io.trino.spi.transaction.IsolationLevel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

public class TimeFusionConnector
        implements Connector
{
    private final LifeCycleManager lifeCycleManager;
    private final TimeFusionMetadata metadata;
    private final TimeFusionSplitManager splitManager;
    private final TimeFusionPageSourceProvider pageSourceProvider;
    private final TimeFusionPageSinkProvider pageSinkProvider;
    private final TimeFusionNodePartitioningProvider nodePartitioningProvider;
    private final ProjectProcedures projectProcedures;
    private final ProjectsSystemTable projectsTable;
    private final GatewayProcedures gatewayProcedures;
    private final GatewaysSystemTable gatewaysTable;
    private final IngestBatchFunction ingestBatchFunction;
    private final TimeFusionFunctionProvider functionProvider;
    private final TimeFusionSessionProperties sessionProperties;
    private final TimeFusionAccessControl accessControl;
    private final OptimizeTableProcedure optimizeProcedure;
    private final MaintenanceProcedures maintenanceProcedures;
    private final MaintenanceRunsSystemTable maintenanceRunsTable;
    private final PartitionFilesSystemTable partitionFilesTable;

    @Inject
    public TimeFusionConnector(
            LifeCycleManager lifeCycleManager,
            TimeFusionMetadata metadata,
            TimeFusionSplitManager splitManager,
            TimeFusionPageSourceProvider pageSourceProvider,
            TimeFusionPageSinkProvider pageSinkProvider,
            TimeFusionNodePartitioningProvider nodePartitioningProvider,
            ProjectProcedures projectProcedures,
            ProjectsSystemTable projectsTable,
            GatewayProcedures gatewayProcedures,
            GatewaysSystemTable gatewaysTable,
            IngestBatchFunction ingestBatchFunction,
            TimeFusionFunctionProvider functionProvider,
            TimeFusionSessionProperties sessionProperties,
            TimeFusionAccessControl accessControl,
            OptimizeTableProcedure optimizeProcedure,
            MaintenanceProcedures maintenanceProcedures,
            MaintenanceRunsSystemTable maintenanceRunsTable,
            PartitionFilesSystemTable partitionFilesTable)
    {
        this.optimizeProcedure = requireNonNull(optimizeProcedure, "optimizeProcedure is null");
        this.maintenanceProcedures = requireNonNull(maintenanceProcedures, "maintenanceProcedures is null");
        this.maintenanceRunsTable = requireNonNull(maintenanceRunsTable, "maintenanceRunsTable is null");
        this.partitionFilesTable = requireNonNull(partitionFilesTable, "partitionFilesTable is null");
        this.lifeCycleManager = requireNonNull(lifeCycleManager, "lifeCycleManager is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.splitManager = requireNonNull(splitManager, "splitManager is null");
        this.pageSourceProvider = requireNonNull(pageSourceProvider, "pageSourceProvider is null");
        this.pageSinkProvider = requireNonNull(pageSinkProvider, "pageSinkProvider is null");
        this.nodePartitioningProvider = requireNonNull(nodePartitioningProvider, "nodePartitioningProvider is null");
        this.projectProcedures = requireNonNull(projectProcedures, "projectProcedures is null");
        this.projectsTable = requireNonNull(projectsTable, "projectsTable is null");
        this.gatewayProcedures = requireNonNull(gatewayProcedures, "gatewayProcedures is null");
        this.gatewaysTable = requireNonNull(gatewaysTable, "gatewaysTable is null");
        this.ingestBatchFunction = requireNonNull(ingestBatchFunction, "ingestBatchFunction is null");
        this.functionProvider = requireNonNull(functionProvider, "functionProvider is null");
        this.sessionProperties = requireNonNull(sessionProperties, "sessionProperties is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
    }

    @Override
    public Set<ConnectorTableFunction> getTableFunctions()
    {
        return Set.of(ingestBatchFunction);
    }

    @Override
    public Optional<FunctionProvider> getFunctionProvider()
    {
        return Optional.of(functionProvider);
    }

    @Override
    public List<PropertyMetadata<?>> getSessionProperties()
    {
        return sessionProperties.properties();
    }

    @Override
    public Set<Procedure> getProcedures()
    {
        return ImmutableSet.<Procedure>builder()
                .addAll(projectProcedures.procedures())
                .addAll(gatewayProcedures.procedures())
                .addAll(maintenanceProcedures.procedures())
                .build();
    }

    @Override
    public ConnectorAccessControl getAccessControl()
    {
        return accessControl;
    }

    @Override
    public Set<TableProcedureMetadata> getTableProcedures()
    {
        return Set.of(optimizeProcedure.metadata());
    }

    @Override
    public Set<SystemTable> getSystemTables()
    {
        return Set.of(projectsTable, gatewaysTable, maintenanceRunsTable, partitionFilesTable);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        return TimeFusionTransactionHandle.INSTANCE;
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return metadata;
    }

    @Override
    public ConnectorSplitManager getSplitManager()
    {
        return splitManager;
    }

    @Override
    public ConnectorPageSourceProvider getPageSourceProvider()
    {
        return pageSourceProvider;
    }

    @Override
    public ConnectorPageSinkProvider getPageSinkProvider()
    {
        return pageSinkProvider;
    }

    @Override
    public ConnectorNodePartitioningProvider getNodePartitioningProvider()
    {
        return nodePartitioningProvider;
    }

    @Override
    public boolean isSingleStatementWritesOnly()
    {
        return true;
    }

    @Override
    public void shutdown()
    {
        lifeCycleManager.stop();
    }
}

package io.timefusion.trino;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Scopes;
import io.timefusion.trino.buffer.BufferFetch;
import io.timefusion.trino.buffer.BufferPageSourceProvider;
import io.timefusion.trino.buffer.BufferSplits;
import io.timefusion.trino.buffer.GatewayClient;
import io.timefusion.trino.buffer.GatewayProcedures;
import io.timefusion.trino.buffer.GatewayRegistry;
import io.timefusion.trino.buffer.GatewaysSystemTable;
import io.timefusion.trino.delta.DeltaCommitter;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.dml.MergeCommits;
import io.timefusion.trino.dml.PartitionDeletes;
import io.timefusion.trino.ingest.IngestBatchFunction;
import io.timefusion.trino.ingest.IngestBatchProcessorProvider;
import io.timefusion.trino.ingest.TimeFusionFunctionProvider;
import io.timefusion.trino.maintenance.MaintenanceHistory;
import io.timefusion.trino.maintenance.MaintenanceProcedures;
import io.timefusion.trino.maintenance.MaintenanceRunsSystemTable;
import io.timefusion.trino.maintenance.OptimizeCommits;
import io.timefusion.trino.maintenance.OptimizePageSources;
import io.timefusion.trino.maintenance.OptimizeTableProcedure;
import io.timefusion.trino.maintenance.PartitionFilesSystemTable;
import io.timefusion.trino.maintenance.Vacuum;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TimeFusionMetadata;
import io.timefusion.trino.projects.ProjectProcedures;
import io.timefusion.trino.projects.ProjectRegistry;
import io.timefusion.trino.projects.ProjectsSystemTable;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.read.FileBloomFilters;
import io.timefusion.trino.read.QuerySnapshots;
import io.timefusion.trino.read.TimeFusionPageSourceProvider;
import io.timefusion.trino.read.TimeFusionSplitManager;
import io.timefusion.trino.security.AdminPrincipal;
import io.timefusion.trino.security.TimeFusionAccessControl;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.write.TimeFusionNodePartitioningProvider;
import io.timefusion.trino.write.TimeFusionPageSinkProvider;

import static io.airlift.configuration.ConfigBinder.configBinder;

public class TimeFusionModule
        implements Module
{
    @Override
    public void configure(Binder binder)
    {
        configBinder(binder).bindConfig(TimeFusionConfig.class);
        binder.bind(OtelLogsAndSpansTable.class).in(Scopes.SINGLETON);
        binder.bind(FileSystems.class).in(Scopes.SINGLETON);
        binder.bind(DefaultTableStorage.class).in(Scopes.SINGLETON);
        binder.bind(DeltaSnapshots.class).in(Scopes.SINGLETON);
        binder.bind(ProjectRegistry.class).in(Scopes.SINGLETON);
        binder.bind(ProjectTables.class).in(Scopes.SINGLETON);
        binder.bind(ProjectProcedures.class).in(Scopes.SINGLETON);
        binder.bind(ProjectsSystemTable.class).in(Scopes.SINGLETON);
        binder.bind(GatewayRegistry.class).in(Scopes.SINGLETON);
        binder.bind(GatewayProcedures.class).in(Scopes.SINGLETON);
        binder.bind(GatewaysSystemTable.class).in(Scopes.SINGLETON);
        binder.bind(DeltaCommitter.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionMetadata.class).in(Scopes.SINGLETON);
        binder.bind(QuerySnapshots.class).in(Scopes.SINGLETON);
        binder.bind(FileBloomFilters.class).in(Scopes.SINGLETON);
        binder.bind(BufferSplits.class).in(Scopes.SINGLETON);
        binder.bind(GatewayClient.class).in(Scopes.SINGLETON);
        binder.bind(BufferFetch.class).in(Scopes.SINGLETON);
        binder.bind(BufferPageSourceProvider.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionSplitManager.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionPageSourceProvider.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionPageSinkProvider.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionNodePartitioningProvider.class).in(Scopes.SINGLETON);
        binder.bind(IngestBatchFunction.class).in(Scopes.SINGLETON);
        binder.bind(IngestBatchProcessorProvider.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionFunctionProvider.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionSessionProperties.class).in(Scopes.SINGLETON);
        binder.bind(AdminPrincipal.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionAccessControl.class).in(Scopes.SINGLETON);
        binder.bind(MaintenanceHistory.class).in(Scopes.SINGLETON);
        binder.bind(MaintenanceRunsSystemTable.class).in(Scopes.SINGLETON);
        binder.bind(PartitionFilesSystemTable.class).in(Scopes.SINGLETON);
        binder.bind(OptimizeTableProcedure.class).in(Scopes.SINGLETON);
        binder.bind(OptimizeCommits.class).in(Scopes.SINGLETON);
        binder.bind(MergeCommits.class).in(Scopes.SINGLETON);
        binder.bind(PartitionDeletes.class).in(Scopes.SINGLETON);
        binder.bind(OptimizePageSources.class).in(Scopes.SINGLETON);
        binder.bind(Vacuum.class).in(Scopes.SINGLETON);
        binder.bind(MaintenanceProcedures.class).in(Scopes.SINGLETON);
        binder.bind(TimeFusionConnector.class).in(Scopes.SINGLETON);
    }
}

package io.timefusion.gateway;

import com.github.benmanes.caffeine.cache.Ticker;
import com.google.inject.Binder;
import com.google.inject.Scopes;
import io.airlift.configuration.AbstractConfigurationAwareModule;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.http.AdminAuthorization;
import io.timefusion.gateway.http.AdminRequestBodyLimit;
import io.timefusion.gateway.http.AdminTokenFilter;
import io.timefusion.gateway.http.GatewayUptime;
import io.timefusion.gateway.http.HealthResource;
import io.timefusion.gateway.http.IngestBatchResource;
import io.timefusion.gateway.http.JsonErrorMapper;
import io.timefusion.gateway.http.MetricsResource;
import io.timefusion.gateway.http.ProjectsResource;
import io.timefusion.gateway.http.StatusResource;
import io.timefusion.gateway.ingest.BatchStore;
import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.GatewayUrl;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.IngestInserts;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.ingest.IngestTransportConfig;
import io.timefusion.gateway.ingest.TrinoBatchWriter;
import io.timefusion.gateway.ingest.buffer.WriteBufferModule;
import io.timefusion.gateway.ingest.queue.BatchQueueModule;
import io.timefusion.gateway.maintenance.MaintenanceConfig;
import io.timefusion.gateway.maintenance.MaintenanceStatus;
import io.timefusion.gateway.maintenance.TableMaintenance;
import io.timefusion.gateway.maintenance.TableMaintenanceClient;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.server.CancelRegistry;
import io.timefusion.gateway.server.ConnectionLimiter;
import io.timefusion.gateway.server.InputLimits;
import io.timefusion.gateway.server.PgServer;
import io.timefusion.gateway.server.SessionDependencies;
import io.timefusion.gateway.server.TranslationBudget;
import io.timefusion.gateway.sql.CachingTranslator;
import io.timefusion.gateway.sql.PostgresDialectTranslator;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.sql.catalog.CatalogRelations;
import io.timefusion.gateway.sql.catalog.CatalogRules;
import io.timefusion.gateway.sql.catalog.EmulatedCatalog;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.trino.ParameterTypes;
import io.timefusion.gateway.trino.ProjectAdmin;
import io.timefusion.gateway.trino.TrinoProbe;
import io.timefusion.gateway.trino.TrinoSessions;

import static io.airlift.configuration.ConfigBinder.configBinder;
import static com.google.inject.multibindings.Multibinder.newSetBinder;
import static io.airlift.jaxrs.JaxrsBinder.jaxrsBinder;

public class GatewayModule
        extends AbstractConfigurationAwareModule
{
    @Override
    protected void setup(Binder binder)
    {
        configBinder(binder).bindConfig(GatewayConfig.class);
        binder.bind(TrinoSessions.class).in(Scopes.SINGLETON);
        binder.bind(TrinoProbe.class).in(Scopes.SINGLETON);
        binder.bind(ParameterTypes.class).in(Scopes.SINGLETON);
        binder.bind(PostgresDialectTranslator.class).in(Scopes.SINGLETON);
        binder.bind(SqlTranslator.class).to(CachingTranslator.class).in(Scopes.SINGLETON);
        binder.bind(CatalogRelations.class).to(EmulatedCatalog.class).in(Scopes.SINGLETON);
        CatalogRules.all().forEach(rule -> newSetBinder(binder, TranslationRule.class).addBinding().toInstance(rule));
        binder.bind(ConnectionLimiter.class).in(Scopes.SINGLETON);
        binder.bind(InputLimits.class).in(Scopes.SINGLETON);
        binder.bind(TranslationBudget.class).in(Scopes.SINGLETON);
        binder.bind(CancelRegistry.class).in(Scopes.SINGLETON);
        binder.bind(SessionDependencies.class).in(Scopes.SINGLETON);
        binder.bind(Ticker.class).toInstance(Ticker.systemTicker());
        binder.bind(QueryResultCache.class).in(Scopes.SINGLETON);
        binder.bind(QueryMetrics.class).in(Scopes.SINGLETON);
        binder.bind(GatewayUptime.class).asEagerSingleton();
        binder.bind(PgServer.class).asEagerSingleton();
        // Airlift's HTTP server traces requests; the gateway exports no traces
        binder.bind(OpenTelemetry.class).toInstance(OpenTelemetry.noop());
        binder.bind(Tracer.class).toInstance(OpenTelemetry.noop().getTracer("timefusion-gateway"));
        jaxrsBinder(binder).bind(HealthResource.class);
        jaxrsBinder(binder).bind(MetricsResource.class);
        jaxrsBinder(binder).bind(StatusResource.class);
        binder.bind(IngestTables.class).in(Scopes.SINGLETON);
        binder.bind(BatchStore.class).in(Scopes.SINGLETON);
        jaxrsBinder(binder).bind(IngestBatchResource.class);
        binder.bind(IngestInserts.class).in(Scopes.SINGLETON);
        configBinder(binder).bindConfig(IngestTransportConfig.class);
        binder.bind(GatewayUrl.class).in(Scopes.SINGLETON);
        binder.bind(TrinoBatchWriter.class).in(Scopes.SINGLETON);
        binder.bind(BatchWriter.class).to(TrinoBatchWriter.class);
        install(buildConfigObject(IngestConfig.class).isWriteBufferEnabled() ? new WriteBufferModule() : new BatchQueueModule());
        binder.bind(ProjectAdmin.class).in(Scopes.SINGLETON);
        configBinder(binder).bindConfig(MaintenanceConfig.class);
        binder.bind(TableMaintenanceClient.class).in(Scopes.SINGLETON);
        binder.bind(MaintenanceStatus.class).in(Scopes.SINGLETON);
        binder.bind(TableMaintenance.class).in(Scopes.SINGLETON);
        binder.bind(AdminAuthorization.class).in(Scopes.SINGLETON);
        jaxrsBinder(binder).bind(ProjectsResource.class);
        jaxrsBinder(binder).bind(AdminTokenFilter.class);
        jaxrsBinder(binder).bind(AdminRequestBodyLimit.class);
        jaxrsBinder(binder).bind(JsonErrorMapper.class);
    }
}

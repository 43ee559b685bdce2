package io.timefusion.gateway;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Scopes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.timefusion.gateway.http.HealthResource;
import io.timefusion.gateway.server.CancelRegistry;
import io.timefusion.gateway.server.ConnectionLimiter;
import io.timefusion.gateway.server.PgServer;
import io.timefusion.gateway.server.SessionDependencies;
import io.timefusion.gateway.sql.PostgresDialectTranslator;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.trino.ParameterTypes;
import io.timefusion.gateway.trino.TrinoProbe;
import io.timefusion.gateway.trino.TrinoSessions;

import static io.airlift.configuration.ConfigBinder.configBinder;
import static io.airlift.jaxrs.JaxrsBinder.jaxrsBinder;

public class GatewayModule
        implements Module
{
    @Override
    public void configure(Binder binder)
    {
        configBinder(binder).bindConfig(GatewayConfig.class);
        binder.bind(TrinoSessions.class).in(Scopes.SINGLETON);
        binder.bind(TrinoProbe.class).in(Scopes.SINGLETON);
        binder.bind(ParameterTypes.class).in(Scopes.SINGLETON);
        binder.bind(SqlTranslator.class).to(PostgresDialectTranslator.class).in(Scopes.SINGLETON);
        binder.bind(ConnectionLimiter.class).in(Scopes.SINGLETON);
        binder.bind(CancelRegistry.class).in(Scopes.SINGLETON);
        binder.bind(SessionDependencies.class).in(Scopes.SINGLETON);
        binder.bind(PgServer.class).asEagerSingleton();
        // Airlift's HTTP server traces requests; the gateway exports no traces
        binder.bind(OpenTelemetry.class).toInstance(OpenTelemetry.noop());
        binder.bind(Tracer.class).toInstance(OpenTelemetry.noop().getTracer("timefusion-gateway"));
        jaxrsBinder(binder).bind(HealthResource.class);
    }
}

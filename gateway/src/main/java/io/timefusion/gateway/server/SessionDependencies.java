package io.timefusion.gateway.server;

import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.IngestInserts;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.pgwire.auth.AuthenticationMethod;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.trino.ParameterTypes;
import io.timefusion.gateway.trino.TrinoSessions;

/** What every session needs from the gateway, gathered so that sessions are built with one argument. */
public record SessionDependencies(
        GatewayConfig config,
        AuthenticationMethod authenticationMethod,
        TrinoSessions trinoSessions,
        SqlTranslator translator,
        ParameterTypes parameterTypes,
        CancelRegistry cancelRegistry,
        QueryResultCache queryCache,
        QueryMetrics metrics,
        IngestConfig ingestConfig,
        IngestTables ingestTables,
        IngestInserts ingestInserts,
        IngestPath ingestPath,
        InputLimits inputLimits,
        TranslationBudget translationBudget)
{
    @Inject
    public SessionDependencies(GatewayConfig config, TrinoSessions trinoSessions, SqlTranslator translator, ParameterTypes parameterTypes, CancelRegistry cancelRegistry,
            QueryResultCache queryCache, QueryMetrics metrics, IngestConfig ingestConfig, IngestTables ingestTables,
            IngestInserts ingestInserts, IngestPath ingestPath, InputLimits inputLimits, TranslationBudget translationBudget)
    {
        this(config, AuthenticationMethod.parse(config.getAuthenticationMethod()), trinoSessions, translator, parameterTypes, cancelRegistry, queryCache, metrics,
                ingestConfig, ingestTables, ingestInserts, ingestPath, inputLimits, translationBudget);
    }
}

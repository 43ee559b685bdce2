package io.timefusion.gateway.server;

import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.pgwire.auth.AuthenticationMethod;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.trino.ParameterTypes;
import io.timefusion.gateway.trino.TrinoSession;
import io.timefusion.gateway.trino.TrinoSessions;

/**
 * What every session needs from the gateway, gathered so that sessions are built with one argument, and the one
 * place that wires a session's statement handling together.
 */
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
        IngestPath ingestPath,
        InputLimits inputLimits,
        TranslationBudget translationBudget)
{
    @Inject
    public SessionDependencies(GatewayConfig config, TrinoSessions trinoSessions, SqlTranslator translator, ParameterTypes parameterTypes, CancelRegistry cancelRegistry,
            QueryResultCache queryCache, QueryMetrics metrics, IngestConfig ingestConfig, IngestTables ingestTables, IngestPath ingestPath, InputLimits inputLimits,
            TranslationBudget translationBudget)
    {
        this(config, AuthenticationMethod.parse(config.getAuthenticationMethod()), trinoSessions, translator, parameterTypes, cancelRegistry, queryCache, metrics,
                ingestConfig, ingestTables, ingestPath, inputLimits, translationBudget);
    }

    /** The two protocols' handlers of one session, around one executor of its statements. */
    record StatementHandlers(SimpleQueryHandler simple, ExtendedQueryHandler extended) {}

    StatementHandlers statementHandlers(SessionState state, TrinoSession trino, TranslationContext context, PgOutput output, MessageSource messages)
    {
        ErrorReporter errors = new ErrorReporter(output, trino, metrics);
        RowWriter rowWriter = new RowWriter(ingestPath, queryCache, metrics);
        CopyInHandler copyIn = new CopyInHandler(messages, output, ingestTables, rowWriter, ingestConfig.getCopyMaxSize().toBytes());
        ParameterBinder binder = new ParameterBinder(trino, parameterTypes, ingestTables);
        StatementExecutor executor = new StatementExecutor(state, trino, context, translator, translationBudget, binder, queryCache, metrics, ingestPath, rowWriter, copyIn);
        return new StatementHandlers(new SimpleQueryHandler(state, executor, output, errors), new ExtendedQueryHandler(state, executor, output, errors));
    }
}

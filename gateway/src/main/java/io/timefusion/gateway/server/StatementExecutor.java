package io.timefusion.gateway.server;

import io.timefusion.gateway.cache.CachedResult;
import io.timefusion.gateway.cache.QueryKey;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.cache.ResultCollector;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Bind;
import io.timefusion.gateway.pgwire.protocol.TransactionStatus;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.sql.StatementKind;
import io.timefusion.gateway.sql.TranslatedStatement;
import io.timefusion.gateway.sql.TranslatedStatement.Writes;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.trino.TrinoColumn;
import io.timefusion.gateway.trino.TrinoErrors;
import io.timefusion.gateway.trino.TrinoExecution;
import io.timefusion.gateway.trino.TrinoSession;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Carries out the statements of one session, for both the simple and the extended protocol, which only speak
 * protocol around it: it translates each statement once and decides where it runs — in the gateway (transaction
 * control, settings, COPY), from the result cache, through the ingest path (INSERTs whose rows the gateway writes
 * itself), or on Trino.
 */
final class StatementExecutor
{
    static final int ROW_CHANGE_ATTEMPTS = 5;

    private final SessionState state;
    private final TrinoSession trino;
    private final TranslationContext context;
    private final SqlTranslator translator;
    private final TranslationBudget translationBudget;
    private final ParameterBinder binder;
    private final QueryResultCache cache;
    private final QueryMetrics metrics;
    private final IngestPath ingestPath;
    private final RowWriter rowWriter;
    private final CopyInHandler copyIn;

    StatementExecutor(SessionState state, TrinoSession trino, TranslationContext context, SqlTranslator translator, TranslationBudget translationBudget,
            ParameterBinder binder, QueryResultCache cache, QueryMetrics metrics, IngestPath ingestPath, RowWriter rowWriter, CopyInHandler copyIn)
    {
        this.state = state;
        this.trino = trino;
        this.context = context;
        this.translator = translator;
        this.translationBudget = translationBudget;
        this.binder = binder;
        this.cache = cache;
        this.metrics = metrics;
        this.ingestPath = ingestPath;
        this.rowWriter = rowWriter;
        this.copyIn = copyIn;
    }

    /**
     * The statement translated, within the gateway's translation budget. A statement that fails here is counted as
     * failed under the kind its first keyword names, since it has no translation to tell it.
     */
    TranslatedStatement translate(String sql)
            throws InterruptedException
    {
        long started = System.nanoTime();
        try (TranslationBudget.Permit _ = translationBudget.acquire(sql)) {
            return translator.translate(sql, context);
        }
        catch (RuntimeException e) {
            metrics.recordStatement(StatementKind.of(sql), QueryMetrics.Outcome.ERROR, System.nanoTime() - started);
            throw e;
        }
    }

    BoundStatement bindNone(TranslatedStatement statement)
            throws SQLException
    {
        return binder.bindNone(statement);
    }

    BoundStatement bind(PreparedStatementEntry entry, Bind bind)
            throws SQLException
    {
        return binder.bind(entry, bind);
    }

    int[] parameterTypeOids(PreparedStatementEntry entry)
            throws SQLException
    {
        return binder.parameterTypeOids(entry);
    }

    /** The columns the statement's rows will have, without running it. */
    List<TrinoColumn> describeColumns(PreparedStatementEntry entry)
            throws SQLException
    {
        return trino.describeOutput(entry.statement().trino().withQuestionMarks(binder.boundTypeNames(entry)).sql());
    }

    /** Runs a bound statement where it belongs; the caller sends its rows or tag. */
    StatementOutcome execute(BoundStatement bound)
            throws SQLException, InterruptedException
    {
        TranslatedStatement statement = bound.statement();
        checkNotInFailedTransaction(statement.kind());
        return switch (statement.kind()) {
            case EMPTY -> new StatementOutcome.Empty();
            case BEGIN, COMMIT, ROLLBACK, SET -> new StatementOutcome.Done(runLocally(statement));
            case COPY -> new StatementOutcome.Done(copyIn.copyIn(statement.sql()));
            case CALL -> throw ProcedureCalls.refusal(statement.sql());
            default -> bound.rows().isPresent()
                    ? new StatementOutcome.Done("INSERT 0 " + rowWriter.insertRows(bound.rows().get()))
                    : run(statement, bound.trinoSql());
        };
    }

    /** The command tag of a statement the gateway answers itself. */
    private String runLocally(TranslatedStatement statement)
    {
        return switch (statement.kind()) {
            case BEGIN -> {
                state.setTransactionStatus(TransactionStatus.IN_TRANSACTION);
                yield "BEGIN";
            }
            case COMMIT -> {
                boolean failed = state.transactionStatus() == TransactionStatus.FAILED;
                state.setTransactionStatus(TransactionStatus.IDLE);
                yield failed ? "ROLLBACK" : "COMMIT";
            }
            case ROLLBACK -> {
                state.setTransactionStatus(TransactionStatus.IDLE);
                yield "ROLLBACK";
            }
            case SET -> SettingStatements.apply(state, statement.sql());
            default -> throw new IllegalArgumentException("not a statement of the gateway's own: " + statement.kind());
        };
    }

    /** In a failed transaction block only COMMIT and ROLLBACK run, as in Postgres. */
    private void checkNotInFailedTransaction(StatementKind kind)
    {
        if (state.transactionStatus() == TransactionStatus.FAILED && kind != StatementKind.COMMIT && kind != StatementKind.ROLLBACK) {
            throw new PgErrorException("25P02", "current transaction is aborted, commands ignored until end of transaction block");
        }
    }

    /**
     * Runs a statement on Trino, or replays its cached result. A cacheable query's rows are collected for the
     * cache as they stream. A statement that may change data has invalidated the cached results it can make
     * stale by the time its outcome (or failure) is returned, so before the client is told it is done.
     */
    private StatementOutcome run(TranslatedStatement statement, String trinoSql)
            throws SQLException
    {
        Optional<QueryKey> key = statement.cacheable() && cache.enabled() ? Optional.of(cacheKey(trinoSql)) : Optional.empty();
        Optional<CachedResult> cached = key.flatMap(cache::lookup);
        if (cached.isPresent()) {
            return new StatementOutcome.Rows(new RowCursor(new CachedRowSource(cached.get())));
        }
        Optional<ResultCollector> collector = key.map(cacheKey -> cache.startCollecting(cacheKey, statement.tablesRead().orElseThrow()));
        if (statement.kind().changesRows() && statement.writes() instanceof Writes.Table(String table)) {
            // an UPDATE or DELETE changes rows in Delta: the rows this gateway acknowledged but still buffers go there first
            ingestPath.flushAcknowledged(table);
        }
        TrinoExecution execution;
        try {
            execution = execute(statement.kind(), trinoSql);
        }
        catch (SQLException | RuntimeException e) {
            // a write that failed may still have committed (a timeout after the commit, a lost response)
            cache.invalidate(statement.writes());
            throw e;
        }
        return switch (execution) {
            case TrinoExecution.Rows rows -> {
                RowSource source = new TrinoRowSource(rows);
                if (collector.isPresent()) {
                    source = new CachingRowSource(source, collector.get());
                }
                else if (!(statement.writes() instanceof Writes.Nothing)) {
                    source = new InvalidatingRowSource(source, () -> cache.invalidate(statement.writes()));
                }
                yield new StatementOutcome.Rows(new RowCursor(source));
            }
            case TrinoExecution.Update update -> {
                try (update) {
                    if (statement.kind() == StatementKind.INSERT) {
                        metrics.recordRowsInserted(update.updateCount());
                    }
                    yield new StatementOutcome.Done(commandTag(statement.kind(), update));
                }
                finally {
                    cache.invalidate(statement.writes());
                }
            }
        };
    }

    /**
     * Runs the statement on Trino. An UPDATE or DELETE that lost a race with another change of the same data files
     * committed nothing and runs again on the newer table, as Postgres re-reads a row another transaction changed;
     * only after {@value #ROW_CHANGE_ATTEMPTS} lost races does the client get the conflict (40001).
     */
    private TrinoExecution execute(StatementKind kind, String trinoSql)
            throws SQLException
    {
        for (int attempt = 1; ; attempt++) {
            try {
                return trino.execute(trinoSql, state.statementTimeout());
            }
            catch (SQLException e) {
                if (!kind.changesRows() || attempt == ROW_CHANGE_ATTEMPTS || !TrinoErrors.isTransactionConflict(e)) {
                    throw e;
                }
                metrics.recordRowChangeRetry();
                // spread the retries of changes that collided, so that they do not collide again
                sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(10, 50L * attempt)));
            }
        }
    }

    private static void sleep(Duration delay)
            throws SQLException
    {
        try {
            Thread.sleep(delay);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("canceling statement due to user request", "57014", e);
        }
    }

    private QueryKey cacheKey(String trinoSql)
    {
        return new QueryKey(trinoSql, context.user(), state.get("timezone"), state.get("search_path"));
    }

    interface StatementBody
    {
        void run()
                throws Exception;
    }

    /** Runs a statement's part of the protocol and counts it by kind, outcome and duration, and the gateway's share of a Trino statement. */
    void timed(StatementKind kind, StatementBody body)
            throws Exception
    {
        long started = System.nanoTime();
        long waitedBefore = trino.waitClock().nanos();
        QueryMetrics.Outcome outcome = QueryMetrics.Outcome.ERROR;
        try {
            body.run();
            outcome = QueryMetrics.Outcome.OK;
        }
        finally {
            long nanos = System.nanoTime() - started;
            metrics.recordStatement(kind, outcome, nanos);
            long waited = trino.waitClock().nanos() - waitedBefore;
            if (waited > 0) {
                metrics.recordGatewayShare(nanos - waited);
            }
        }
    }

    private static String commandTag(StatementKind kind, TrinoExecution.Update update)
    {
        return switch (kind) {
            case INSERT -> "INSERT 0 " + update.updateCount();
            case UPDATE -> "UPDATE " + update.updateCount();
            case DELETE -> "DELETE " + update.updateCount();
            case MERGE -> "MERGE " + update.updateCount();
            default -> update.updateType() == null ? "OK" : update.updateType();
        };
    }
}

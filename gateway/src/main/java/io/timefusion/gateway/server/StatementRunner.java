package io.timefusion.gateway.server;

import io.timefusion.gateway.cache.CacheableQueries;
import io.timefusion.gateway.cache.CachedResult;
import io.timefusion.gateway.cache.Invalidation;
import io.timefusion.gateway.cache.QueryKey;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.cache.ResultCollector;
import io.timefusion.gateway.ingest.IngestInsert;
import io.timefusion.gateway.ingest.IngestInserts;
import io.timefusion.gateway.ingest.IngestPath;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.pgwire.protocol.TransactionStatus;
import io.timefusion.gateway.sql.StatementKind;
import io.timefusion.gateway.trino.TrinoErrors;
import io.timefusion.gateway.trino.TrinoExecution;
import io.timefusion.gateway.trino.TrinoSession;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one statement: transaction control and settings in the gateway, cacheable queries seen before from the
 * query cache, everything else on Trino. Both the simple and the extended protocol use it.
 */
final class StatementRunner
{
    static final int ROW_CHANGE_ATTEMPTS = 5;

    private final SessionState state;
    private final TrinoSession trino;
    private final String user;
    private final QueryResultCache cache;
    private final QueryMetrics metrics;
    private final IngestTables ingestTables;
    private final IngestInserts ingestInserts;
    private final IngestPath ingestPath;

    StatementRunner(SessionState state, TrinoSession trino, String user, QueryResultCache cache, QueryMetrics metrics, IngestTables ingestTables, IngestInserts ingestInserts,
            IngestPath ingestPath)
    {
        this.state = state;
        this.trino = trino;
        this.user = user;
        this.cache = cache;
        this.metrics = metrics;
        this.ingestTables = ingestTables;
        this.ingestInserts = ingestInserts;
        this.ingestPath = ingestPath;
    }

    /** The command tag of a statement the gateway answers itself, or empty when it goes to Trino. */
    Optional<String> runLocally(StatementKind kind, String sql)
    {
        return switch (kind) {
            case BEGIN -> {
                state.setTransactionStatus(TransactionStatus.IN_TRANSACTION);
                yield Optional.of("BEGIN");
            }
            case COMMIT -> {
                boolean failed = state.transactionStatus() == TransactionStatus.FAILED;
                state.setTransactionStatus(TransactionStatus.IDLE);
                yield Optional.of(failed ? "ROLLBACK" : "COMMIT");
            }
            case ROLLBACK -> {
                state.setTransactionStatus(TransactionStatus.IDLE);
                yield Optional.of("ROLLBACK");
            }
            case SET -> Optional.of(SettingStatements.apply(state, sql));
            default -> Optional.empty();
        };
    }

    /** In a failed transaction block only COMMIT and ROLLBACK run, as in Postgres. */
    void checkNotInFailedTransaction(StatementKind kind)
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
    StatementOutcome run(StatementKind kind, String trinoSql)
            throws SQLException
    {
        Optional<QueryKey> key = kind == StatementKind.QUERY && cache.enabled() && CacheableQueries.isCacheable(trinoSql)
                ? Optional.of(cacheKey(trinoSql))
                : Optional.empty();
        Optional<CachedResult> cached = key.flatMap(cache::lookup);
        if (cached.isPresent()) {
            return new StatementOutcome.Rows(new RowCursor(new CachedRowSource(cached.get())));
        }
        Optional<ResultCollector> collector = key.map(cache::startCollecting);
        Invalidation invalidation = Invalidation.of(trinoSql);
        if (kind.changesRows() && invalidation instanceof Invalidation.ReadersOf written) {
            // an UPDATE or DELETE changes rows in Delta: the rows this gateway acknowledged but still buffers go there first
            ingestPath.flushAcknowledged(written.table());
        }
        TrinoExecution execution;
        try {
            execution = execute(kind, trinoSql);
        }
        catch (SQLException | RuntimeException e) {
            // a write that failed may still have committed (a timeout after the commit, a lost response)
            cache.invalidate(invalidation);
            throw e;
        }
        return switch (execution) {
            case TrinoExecution.Rows rows -> {
                RowSource source = new TrinoRowSource(rows);
                if (collector.isPresent()) {
                    source = new CachingRowSource(source, collector.get());
                }
                else if (!(invalidation instanceof Invalidation.None)) {
                    source = new InvalidatingRowSource(source, () -> cache.invalidate(invalidation));
                }
                yield new StatementOutcome.Rows(new RowCursor(source));
            }
            case TrinoExecution.Update update -> {
                try (update) {
                    if (kind == StatementKind.INSERT) {
                        metrics.recordRowsInserted(update.updateCount());
                    }
                    yield new StatementOutcome.Done(commandTag(kind, update));
                }
                finally {
                    cache.invalidate(invalidation);
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

    /** The INSERT parsed into its rows' shape, when the gateway writes it itself rather than sending it to Trino as SQL. */
    Optional<IngestInsert> parseIngest(StatementKind kind, String sql)
    {
        return kind == StatementKind.INSERT ? ingestInserts.parse(sql) : Optional.empty();
    }

    IngestTable ingestTable(String name)
            throws SQLException
    {
        return ingestTables.table(name);
    }

    /** Writes the rows of a client INSERT the gateway parsed itself; the tag comes after the rows are durable. */
    StatementOutcome.Done runIngest(RowBatch batch)
            throws SQLException
    {
        return new StatementOutcome.Done("INSERT 0 " + insertRows(batch));
    }

    /**
     * Writes rows the gateway parsed (INSERT, COPY) through the ingest path the settings chose (direct, batch queue or
     * write buffer). The rows are visible to every query when it returns, so cached readers of the table are
     * invalidated then, before the outcome, or the failure, is returned: a write that failed may still have been stored.
     */
    long insertRows(RowBatch rows)
            throws SQLException
    {
        try {
            long written = ingestPath.write(rows);
            metrics.recordRowsInserted(written);
            return written;
        }
        finally {
            cache.invalidate(new Invalidation.ReadersOf(rows.table()));
        }
    }

    private QueryKey cacheKey(String trinoSql)
    {
        return new QueryKey(trinoSql, user, state.get("timezone"), state.get("search_path"));
    }

    interface StatementBody
    {
        void run()
                throws Exception;
    }

    /** Runs a statement's part of the protocol and counts it by kind, outcome and duration. */
    void timed(StatementKind kind, StatementBody body)
            throws Exception
    {
        long started = System.nanoTime();
        try {
            body.run();
        }
        catch (Exception e) {
            metrics.recordStatement(kind, QueryMetrics.Outcome.ERROR, System.nanoTime() - started);
            throw e;
        }
        metrics.recordStatement(kind, QueryMetrics.Outcome.OK, System.nanoTime() - started);
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

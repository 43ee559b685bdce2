package io.timefusion.gateway.server;

import io.timefusion.gateway.ingest.IngestInsert;
import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.ErrorFields;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.sql.StatementKind;
import io.timefusion.gateway.sql.StatementSplitter;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.trino.PgError;

import java.util.List;
import java.util.Optional;

/** The simple query protocol: one Query message, any number of statements, text results, one ReadyForQuery. */
final class SimpleQueryHandler
{
    private static final short[] TEXT_RESULTS = new short[0];

    private final SessionState state;
    private final StatementRunner runner;
    private final SqlTranslator translator;
    private final TranslationBudget translationBudget;
    private final TranslationContext context;
    private final PgOutput output;
    private final ResultWriter results;
    private final ErrorReporter errors;
    private final CopyInHandler copyIn;

    SimpleQueryHandler(SessionState state, StatementRunner runner, SqlTranslator translator, TranslationBudget translationBudget, TranslationContext context, PgOutput output,
            ErrorReporter errors, CopyInHandler copyIn)
    {
        this.translationBudget = translationBudget;
        this.context = context;
        this.copyIn = copyIn;
        this.state = state;
        this.runner = runner;
        this.translator = translator;
        this.output = output;
        this.results = new ResultWriter(output);
        this.errors = errors;
    }

    void handle(String query)
            throws InterruptedException
    {
        if (StatementSplitter.isBlank(query)) {
            output.send(BackendMessages::emptyQueryResponse);
        }
        else {
            for (String statement : StatementSplitter.split(query)) {
                StatementKind kind = StatementKind.of(statement);
                try {
                    runner.timed(kind, () -> run(kind, statement));
                }
                catch (InterruptedException e) {
                    throw e;
                }
                catch (Exception e) {
                    // the statements after a failed one are not run, as in Postgres
                    errors.report(e);
                    state.failTransactionIfOpen();
                    break;
                }
            }
        }
        output.send(out -> BackendMessages.readyForQuery(out, state.transactionStatus()));
        output.flush();
    }

    /** A Query the session will not run (too large to read): its error, then ready for the next, as after a failed statement. */
    void refuse(PgError error)
    {
        errors.send(error, ErrorFields.Severity.ERROR);
        state.failTransactionIfOpen();
        output.send(out -> BackendMessages.readyForQuery(out, state.transactionStatus()));
        output.flush();
    }

    private void run(StatementKind kind, String sql)
            throws Exception
    {
        runner.checkNotInFailedTransaction(kind);
        ProcedureCalls.refuse(sql);
        Optional<String> localTag = runner.runLocally(kind, sql);
        if (localTag.isPresent()) {
            output.send(out -> BackendMessages.commandComplete(out, localTag.get()));
            return;
        }
        if (kind == StatementKind.COPY) {
            String copyTag = copyIn.copyIn(sql);
            output.send(out -> BackendMessages.commandComplete(out, copyTag));
            return;
        }
        Optional<IngestInsert> insert;
        String trinoSql = null;
        try (TranslationBudget.Permit _ = translationBudget.acquire(sql)) {
            insert = runner.parseIngest(kind, sql).filter(parsed -> parsed.parameterCount() == 0);
            if (insert.isEmpty()) {
                trinoSql = translator.toTrino(sql, context);
            }
        }
        StatementOutcome outcome = insert.isPresent()
                ? runner.runIngest(insert.get().bind(runner.ingestTable(insert.get().table()), List.of()))
                : runner.run(kind, trinoSql);
        String tag = switch (outcome) {
            case StatementOutcome.Rows(RowCursor cursor) -> {
                try (cursor) {
                    results.describe(cursor.columns(), TEXT_RESULTS);
                    results.stream(cursor, TEXT_RESULTS, 0);
                    yield "SELECT " + cursor.sent();
                }
            }
            case StatementOutcome.Done(String commandTag) -> commandTag;
        };
        output.send(out -> BackendMessages.commandComplete(out, tag));
    }
}

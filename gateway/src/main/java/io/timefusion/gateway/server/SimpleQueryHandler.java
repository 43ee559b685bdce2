package io.timefusion.gateway.server;

import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.ErrorFields;
import io.timefusion.gateway.sql.StatementSplitter;
import io.timefusion.gateway.sql.TranslatedStatement;
import io.timefusion.gateway.trino.PgError;

/** The simple query protocol: one Query message, any number of statements, text results, one ReadyForQuery. */
final class SimpleQueryHandler
{
    private static final short[] TEXT_RESULTS = new short[0];

    private final SessionState state;
    private final StatementExecutor executor;
    private final PgOutput output;
    private final ResultWriter results;
    private final ErrorReporter errors;

    SimpleQueryHandler(SessionState state, StatementExecutor executor, PgOutput output, ErrorReporter errors)
    {
        this.state = state;
        this.executor = executor;
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
            for (String text : StatementSplitter.split(query)) {
                try {
                    TranslatedStatement statement = executor.translate(text);
                    executor.timed(statement.kind(), () -> run(statement));
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

    private void run(TranslatedStatement statement)
            throws Exception
    {
        switch (executor.execute(executor.bindNone(statement))) {
            case StatementOutcome.Rows(RowCursor cursor) -> {
                try (cursor) {
                    results.describe(cursor.columns(), TEXT_RESULTS);
                    results.stream(cursor, TEXT_RESULTS, 0);
                    output.send(out -> BackendMessages.commandComplete(out, "SELECT " + cursor.sent()));
                }
            }
            case StatementOutcome.Done(String tag) -> output.send(out -> BackendMessages.commandComplete(out, tag));
            case StatementOutcome.Empty _ -> output.send(BackendMessages::emptyQueryResponse);
        }
    }
}

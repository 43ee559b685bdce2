package io.timefusion.gateway.server;

import io.airlift.log.Logger;
import io.timefusion.gateway.metrics.QueryMetrics;
import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.ErrorFields;
import io.timefusion.gateway.trino.PgError;
import io.timefusion.gateway.trino.TrinoSession;

import java.sql.SQLException;

/** Sends a failed statement's error to the client; failures the gateway did not expect are also logged with their stack. */
final class ErrorReporter
{
    private static final Logger log = Logger.get(ErrorReporter.class);

    private final PgOutput output;
    private final TrinoSession trino;
    private final QueryMetrics metrics;

    ErrorReporter(PgOutput output, TrinoSession trino, QueryMetrics metrics)
    {
        this.output = output;
        this.trino = trino;
        this.metrics = metrics;
    }

    void report(Exception failure)
    {
        // the driver reports a cancelled query in words of its own; Postgres clients expect 57014
        PgError error = failure instanceof SQLException && trino.cancelRequested()
                ? new PgError("57014", "canceling statement due to user request")
                : StatementFailure.of(failure);
        if (failure instanceof SQLException) {
            metrics.recordTrinoError(error.sqlState());
        }
        if (error.sqlState().equals("XX000")) {
            log.warn(failure, "Statement failed unexpectedly");
        }
        send(error, ErrorFields.Severity.ERROR);
    }

    void send(PgError error, ErrorFields.Severity severity)
    {
        ErrorFields fields = ErrorFields.of(severity, error.sqlState(), error.message());
        output.send(out -> BackendMessages.errorResponse(out, error.context().map(fields::withWhere).orElse(fields)));
    }
}

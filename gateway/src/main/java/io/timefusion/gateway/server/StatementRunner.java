package io.timefusion.gateway.server;

import io.timefusion.gateway.pgwire.protocol.TransactionStatus;
import io.timefusion.gateway.sql.StatementKind;
import io.timefusion.gateway.trino.TrinoExecution;
import io.timefusion.gateway.trino.TrinoSession;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Runs one statement: transaction control and settings in the gateway, everything else on Trino. Both the
 * simple and the extended protocol use it.
 */
final class StatementRunner
{
    private final SessionState state;
    private final TrinoSession trino;

    StatementRunner(SessionState state, TrinoSession trino)
    {
        this.state = state;
        this.trino = trino;
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

    TrinoExecution start(String trinoSql)
            throws SQLException
    {
        return trino.execute(trinoSql, state.statementTimeout());
    }

    static String commandTag(StatementKind kind, TrinoExecution.Update update)
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

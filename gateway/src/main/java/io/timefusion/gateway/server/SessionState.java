package io.timefusion.gateway.server;

import io.timefusion.gateway.pgwire.protocol.TransactionStatus;
import io.timefusion.gateway.sql.SessionSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a Postgres session remembers between statements: its settings and its transaction status. Writes are
 * committed by each statement (Delta commits per INSERT); BEGIN … COMMIT only brackets them for the client.
 */
final class SessionState
        implements SessionSettings
{
    private final Map<String, String> settings = new LinkedHashMap<>();
    private TransactionStatus transactionStatus = TransactionStatus.IDLE;
    private Optional<Duration> statementTimeout = Optional.empty();

    SessionState(Map<String, String> startupParameters)
    {
        startupParameters.forEach((name, value) -> {
            if (!name.equals("user") && !name.equals("database") && !name.equals("options")) {
                settings.put(name.toLowerCase(java.util.Locale.ROOT), value);
            }
        });
    }

    TransactionStatus transactionStatus()
    {
        return transactionStatus;
    }

    void setTransactionStatus(TransactionStatus transactionStatus)
    {
        this.transactionStatus = transactionStatus;
    }

    boolean inTransactionBlock()
    {
        return transactionStatus != TransactionStatus.IDLE;
    }

    /** An error inside BEGIN … COMMIT fails the block until ROLLBACK, as in Postgres. */
    void failTransactionIfOpen()
    {
        if (transactionStatus == TransactionStatus.IN_TRANSACTION) {
            transactionStatus = TransactionStatus.FAILED;
        }
    }

    Optional<Duration> statementTimeout()
    {
        return statementTimeout;
    }

    /** {@code statement_timeout} also bounds every later Trino query of the session. */
    @Override
    public void set(String name, String value)
    {
        if (name.equals("statement_timeout")) {
            statementTimeout = SettingStatements.parseTimeout(value);
        }
        settings.put(name, value);
    }

    void reset(String name)
    {
        if (name.equals("statement_timeout")) {
            statementTimeout = Optional.empty();
        }
        settings.remove(name);
    }

    void resetAll()
    {
        statementTimeout = Optional.empty();
        settings.clear();
    }

    @Override
    public Optional<String> get(String name)
    {
        return Optional.ofNullable(settings.get(name));
    }
}

package io.timefusion.trino;

import io.timefusion.trino.delta.DeltaActions.Transaction;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.session.PropertyMetadata;

import java.util.List;
import java.util.Optional;

import static io.timefusion.contract.SessionProperties.INGEST_TXN_APP_ID;
import static io.timefusion.contract.SessionProperties.INGEST_TXN_VERSION;
import static io.trino.spi.StandardErrorCode.INVALID_SESSION_PROPERTY;
import static io.trino.spi.session.PropertyMetadata.longProperty;
import static io.trino.spi.session.PropertyMetadata.stringProperty;

/**
 * Session properties of the catalog: the Delta txn of an INSERT, which makes it idempotent (the contract's
 * SessionProperties names them and says how).
 */
public class TimeFusionSessionProperties
{
    private final List<PropertyMetadata<?>> properties = List.of(
            stringProperty(INGEST_TXN_APP_ID, "Delta txn application id of the INSERT (idempotent replay); empty for none", "", false),
            longProperty(INGEST_TXN_VERSION, "Delta txn version of the INSERT within its application id", -1L, false));

    public List<PropertyMetadata<?>> properties()
    {
        return properties;
    }

    /** The txn identity of the statement, if the session sets one (without lastUpdated, which is the commit's time). */
    public static Optional<Transaction> ingestTransaction(ConnectorSession session)
    {
        String appId = session.getProperty(INGEST_TXN_APP_ID, String.class);
        long version = session.getProperty(INGEST_TXN_VERSION, Long.class);
        if (appId.isEmpty() && version < 0) {
            return Optional.empty();
        }
        if (appId.isEmpty() || version < 0) {
            throw new TrinoException(INVALID_SESSION_PROPERTY, "Set both %s and %s (version >= 0), or neither".formatted(INGEST_TXN_APP_ID, INGEST_TXN_VERSION));
        }
        return Optional.of(new Transaction(appId, version, null));
    }
}

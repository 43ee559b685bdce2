package io.timefusion.trino;

import io.timefusion.trino.delta.DeltaActions.Transaction;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.session.PropertyMetadata;

import java.util.List;
import java.util.Optional;

import static io.trino.spi.StandardErrorCode.INVALID_SESSION_PROPERTY;
import static io.trino.spi.session.PropertyMetadata.longProperty;
import static io.trino.spi.session.PropertyMetadata.stringProperty;

/**
 * Session properties of the catalog. {@code ingest_txn_app_id} and {@code ingest_txn_version} make an INSERT
 * idempotent: its commit to each Delta table carries a {@code txn} action, and a table whose log already holds that
 * version (or a later one) of the app id is not written again, so a writer that replays a batch after a crash never
 * duplicates rows.
 */
public class TimeFusionSessionProperties
{
    public static final String INGEST_TXN_APP_ID = "ingest_txn_app_id";
    public static final String INGEST_TXN_VERSION = "ingest_txn_version";

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

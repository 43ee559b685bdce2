package io.timefusion.gateway.ingest;

import com.google.inject.Inject;
import io.timefusion.contract.SystemSchema;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.trino.TrinoSessions;
import io.trino.jdbc.TrinoConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;

import static io.timefusion.contract.SessionProperties.INGEST_TXN_APP_ID;
import static io.timefusion.contract.SessionProperties.INGEST_TXN_VERSION;
import static io.timefusion.contract.SystemSchema.INGEST_BATCH;
import static java.util.Objects.requireNonNull;

/**
 * Writes a batch with one Trino statement, {@code INSERT INTO t SELECT * FROM TABLE(<catalog>.system.ingest_batch(…))}:
 * the plugin decodes the batch straight into pages and commits one Delta version per table touched, so the
 * statement returns once the rows are durable. The batch travels as ingest.transport says: inside the statement
 * ({@code batch => '<base64>'}) or as a one-time URL of this gateway that the worker fetches ({@code url => '…'}).
 * A txn travels as the catalog session properties {@code ingest_txn_app_id} / {@code ingest_txn_version}, which make
 * the plugin skip tables that hold it already.
 */
public class TrinoBatchWriter
        implements BatchWriter
{
    private final TrinoSessions sessions;
    private final IngestTables tables;
    private final BatchStore store;
    private final IngestTransportConfig.Transport transport;
    private final String batchUrl;
    private final String catalog;
    private final String user;

    @Inject
    public TrinoBatchWriter(TrinoSessions sessions, IngestTables tables, BatchStore store, IngestTransportConfig transportConfig, GatewayConfig config, GatewayUrl gatewayUrl)
    {
        this(sessions, tables, store, transportConfig.getTransport(), gatewayUrl.baseUrl() + "/v1/ingest/batches/", config.getTrinoCatalog(), config.getUser());
    }

    private TrinoBatchWriter(TrinoSessions sessions, IngestTables tables, BatchStore store, IngestTransportConfig.Transport transport, String batchUrl, String catalog, String user)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.store = requireNonNull(store, "store is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.batchUrl = requireNonNull(batchUrl, "batchUrl is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.user = requireNonNull(user, "user is null");
    }

    /** This writer with another transport: the write buffer's flushes always go by URL, so that no statement carries rows. */
    public TrinoBatchWriter withTransport(IngestTransportConfig.Transport transport)
    {
        return new TrinoBatchWriter(sessions, tables, store, transport, batchUrl, catalog, user);
    }

    @Override
    public long write(RowBatch batch, Optional<BatchTxn> txn)
            throws SQLException
    {
        if (batch.rows().isEmpty()) {
            return 0;
        }
        byte[] encoded = BatchEncoder.encode(tables.table(batch.table()), batch);
        return switch (transport) {
            case INLINE -> insert(batch, txn, "batch => '%s'".formatted(Base64.getEncoder().encodeToString(encoded)));
            case HTTP -> {
                String token = store.put(encoded);
                try {
                    yield insert(batch, txn, "url => '%s%s'".formatted(batchUrl, token));
                }
                finally {
                    store.discard(token);
                }
            }
        };
    }

    private long insert(RowBatch batch, Optional<BatchTxn> txn, String argument)
            throws SQLException
    {
        String sql = "INSERT INTO \"%s\" SELECT * FROM TABLE(\"%s\".%s.%s(%s))".formatted(batch.table(), catalog, SystemSchema.NAME, INGEST_BATCH, argument);
        try (Connection connection = sessions.openAs(user);
                Statement statement = connection.createStatement()) {
            if (txn.isPresent()) {
                TrinoConnection trino = connection.unwrap(TrinoConnection.class);
                trino.setSessionProperty(catalog + "." + INGEST_TXN_APP_ID, txn.get().appId());
                trino.setSessionProperty(catalog + "." + INGEST_TXN_VERSION, Long.toString(txn.get().version()));
            }
            statement.executeLargeUpdate(sql);
        }
        // on replay of a committed txn Trino still counts the rows it decoded: the batch is durable either way
        return batch.rows().size();
    }
}

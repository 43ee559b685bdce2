package io.timefusion.gateway.ingest;

import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.trino.TrinoSessions;
import io.trino.jdbc.TrinoConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Writes a batch with one Trino statement, {@code INSERT INTO t SELECT * FROM TABLE(<catalog>.system.ingest_batch(
 * batch => '<base64>'))}: the plugin decodes the batch straight into pages and commits one Delta version per table
 * touched, so the statement returns once the rows are durable. A txn travels as the catalog session properties
 * {@code ingest_txn_app_id} / {@code ingest_txn_version}, which make the plugin skip tables that hold it already.
 */
public class TrinoBatchWriter
        implements BatchWriter
{
    private final TrinoSessions sessions;
    private final IngestTables tables;
    private final String catalog;
    private final String user;

    @Inject
    public TrinoBatchWriter(TrinoSessions sessions, IngestTables tables, GatewayConfig config)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.catalog = config.getTrinoCatalog();
        this.user = config.getUser();
    }

    @Override
    public long write(RowBatch batch, Optional<BatchTxn> txn)
            throws SQLException
    {
        if (batch.rows().isEmpty()) {
            return 0;
        }
        IngestTable table = tables.table(batch.table());
        String encoded = Base64.getEncoder().encodeToString(BatchEncoder.encode(table, batch));
        String sql = "INSERT INTO \"%s\" SELECT * FROM TABLE(\"%s\".system.ingest_batch(batch => '%s'))".formatted(batch.table(), catalog, encoded);
        try (Connection connection = sessions.openAdmin(user, Map.of());
                Statement statement = connection.createStatement()) {
            if (txn.isPresent()) {
                TrinoConnection trino = connection.unwrap(TrinoConnection.class);
                trino.setSessionProperty(catalog + ".ingest_txn_app_id", txn.get().appId());
                trino.setSessionProperty(catalog + ".ingest_txn_version", Long.toString(txn.get().version()));
            }
            statement.executeLargeUpdate(sql);
        }
        // on replay of a committed txn Trino still counts the rows it decoded: the batch is durable either way
        return batch.rows().size();
    }
}

package io.timefusion.gateway.ingest;

import com.google.inject.Inject;
import io.timefusion.contract.BatchColumnType;
import io.timefusion.contract.OtelLogsAndSpans;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.trino.TrinoSessions;
import io.timefusion.gateway.trino.TrinoType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The tables INSERTs and COPYs are parsed for, described once by Trino's metadata on first use: the columns as the
 * connector Trino runs defines them (the contract's OtelLogsAndSpans, in Trino's types), which a gateway of another
 * build may not know; the cost is one metadata query per table per gateway lifetime (retried on the next use if
 * Trino was unreachable).
 */
public class IngestTables
{
    public static final String OTEL_LOGS_AND_SPANS = OtelLogsAndSpans.TABLE;

    private final TrinoSessions sessions;
    private final GatewayConfig config;
    private final Map<String, IngestTable> tables = new ConcurrentHashMap<>();

    @Inject
    public IngestTables(TrinoSessions sessions, GatewayConfig config)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.config = requireNonNull(config, "config is null");
    }

    /** Whether INSERTs into {@code table} (unqualified, lower case) are parsed into batches. */
    public static boolean isIngestTable(String table)
    {
        return OTEL_LOGS_AND_SPANS.equals(table);
    }

    public IngestTable table(String name)
            throws SQLException
    {
        IngestTable table = tables.get(name);
        if (table != null) {
            return table;
        }
        // one metadata query per table however many sessions start writing at once: a burst of them on a busy Trino
        // would each wait for their own
        synchronized (this) {
            table = tables.get(name);
            if (table == null) {
                table = describe(name);
                tables.put(name, table);
            }
            return table;
        }
    }

    private IngestTable describe(String name)
            throws SQLException
    {
        List<IngestColumn> columns = new ArrayList<>();
        try (Connection connection = sessions.openAs(config.getUser());
                ResultSet rows = connection.getMetaData().getColumns(config.getTrinoCatalog(), config.getTrinoSchema(), name, null)) {
            while (rows.next()) {
                String column = rows.getString("COLUMN_NAME");
                TrinoType trinoType = TrinoType.parse(rows.getString("TYPE_NAME"));
                BatchColumnType type = batchType(trinoType).orElseThrow(() -> new IngestException("0A000",
                        "column \"%s\" of relation \"%s\" has type %s, which the gateway cannot ingest".formatted(column, name, trinoType.name())));
                columns.add(new IngestColumn(column, type, rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        if (columns.isEmpty()) {
            throw new IngestException("42P01", "relation \"%s\" does not exist".formatted(name));
        }
        return new IngestTable(name, columns);
    }

    /** The type a column of this Trino type travels as in a batch, if a batch can carry it. */
    private static Optional<BatchColumnType> batchType(TrinoType type)
    {
        return switch (type.kind()) {
            case VARCHAR -> Optional.of(BatchColumnType.VARCHAR);
            case JSON -> Optional.of(BatchColumnType.JSON);
            case INTEGER -> Optional.of(BatchColumnType.INTEGER);
            case BIGINT -> Optional.of(BatchColumnType.BIGINT);
            case BOOLEAN -> Optional.of(BatchColumnType.BOOLEAN);
            case TIMESTAMP_TZ -> Optional.of(BatchColumnType.TIMESTAMPTZ);
            case DATE -> Optional.of(BatchColumnType.DATE);
            case ARRAY -> type.elementType().kind() == TrinoType.Kind.VARCHAR ? Optional.of(BatchColumnType.VARCHAR_ARRAY) : Optional.empty();
            default -> Optional.empty();
        };
    }
}

package io.timefusion.gateway.maintenance;

import io.timefusion.contract.MaintenanceFileCounts;
import com.google.inject.Inject;
import io.airlift.units.Duration;
import io.timefusion.contract.SystemSchema;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.sql.SqlLiterals;
import io.timefusion.gateway.trino.TrinoSessions;
import io.trino.jdbc.TrinoStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.timefusion.contract.SystemSchema.CLEANUP_LOG;
import static io.timefusion.contract.SystemSchema.MAINTENANCE_RUNS_TABLE;
import static io.timefusion.contract.SystemSchema.PARTITIONS_TABLE;
import static io.timefusion.contract.SystemSchema.VACUUM;
import static java.util.Objects.requireNonNull;

/**
 * The maintenance statements the gateway runs on Trino, as the connector's admin user (its procedures are
 * administration): OPTIMIZE of one partition, VACUUM, log cleanup, and reading which partitions need it and what each
 * statement did ({@code system.maintenance_runs}, by the statement's query id).
 */
public class TableMaintenanceClient
{

    private final TrinoSessions sessions;
    private final String catalog;

    @Inject
    public TableMaintenanceClient(TrinoSessions sessions, GatewayConfig config)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.catalog = config.getTrinoCatalog();
    }

    /** Every partition's files, those the next OPTIMIZE would rewrite among them. */
    public List<PartitionFiles> partitions()
            throws SQLException
    {
        List<PartitionFiles> partitions = new ArrayList<>();
        try (Connection connection = connection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT project_id, date, files, bytes, small_files, optimizable_files FROM \"%s\".%s.%s"
                        .formatted(catalog, SystemSchema.NAME, PARTITIONS_TABLE))) {
            while (rows.next()) {
                partitions.add(new PartitionFiles(rows.getString(1), rows.getObject(2, LocalDate.class), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6)));
            }
        }
        return partitions;
    }

    /**
     * OPTIMIZE of one (project, date); {@code running} gets the statement so that a stopping gateway can cancel it.
     *
     * @return what it rewrote (nothing when, by the time it ran, nothing was left to rewrite)
     */
    public List<MaintenanceStep> optimize(String projectId, LocalDate date, AtomicReference<Statement> running)
            throws SQLException
    {
        return run("ALTER TABLE \"%s\".public.otel_logs_and_spans EXECUTE optimize WHERE project_id = %s AND date = DATE '%s'"
                .formatted(catalog, SqlLiterals.string(projectId), date), running);
    }

    public List<MaintenanceStep> vacuum(Duration retention, AtomicReference<Statement> running)
            throws SQLException
    {
        return run("CALL \"%s\".%s.%s('public', 'otel_logs_and_spans', '%s')".formatted(catalog, SystemSchema.NAME, VACUUM, retention.convertToMostSuccinctTimeUnit()), running);
    }

    public List<MaintenanceStep> cleanupLog(AtomicReference<Statement> running)
            throws SQLException
    {
        return run("CALL \"%s\".%s.%s('public', 'otel_logs_and_spans')".formatted(catalog, SystemSchema.NAME, CLEANUP_LOG), running);
    }

    private List<MaintenanceStep> run(String sql, AtomicReference<Statement> running)
            throws SQLException
    {
        AtomicReference<String> queryId = new AtomicReference<>();
        try (Connection connection = connection();
                Statement statement = connection.createStatement()) {
            statement.unwrap(TrinoStatement.class).setProgressMonitor(stats -> queryId.set(stats.getQueryId()));
            running.set(statement);
            try {
                statement.execute(sql);
            }
            finally {
                running.set(null);
            }
            return queryId.get() == null ? List.of() : steps(connection, queryId.get());
        }
    }

    private List<MaintenanceStep> steps(Connection connection, String queryId)
            throws SQLException
    {
        List<MaintenanceStep> steps = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(("SELECT operation, project_id, date, files_removed, bytes_removed, files_added, bytes_added, duplicates_removed " +
                "FROM \"%s\".%s.%s WHERE query_id = ?").formatted(catalog, SystemSchema.NAME, MAINTENANCE_RUNS_TABLE))) {
            statement.setString(1, queryId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    steps.add(new MaintenanceStep(rows.getString(1), Optional.ofNullable(rows.getString(2)), Optional.ofNullable(rows.getObject(3, LocalDate.class)),
                            new MaintenanceFileCounts(rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7)), rows.getLong(8)));
                }
            }
        }
        return steps;
    }

    /** The one place the gateway opens the admin connections its maintenance statements run on. */
    private Connection connection()
            throws SQLException
    {
        return sessions.openAdmin(Map.of());
    }
}

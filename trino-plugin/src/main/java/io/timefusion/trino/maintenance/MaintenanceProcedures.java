package io.timefusion.trino.maintenance;

import io.timefusion.contract.MaintenanceFileCounts;
import com.google.common.collect.ImmutableSet;
import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.airlift.units.Duration;
import io.timefusion.contract.SystemSchema;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaLogCleanup;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.projects.ProjectTables.ReadTable;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.procedure.Procedure;
import io.trino.spi.procedure.Procedure.Argument;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_MAINTENANCE_FAILED;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static io.trino.spi.StandardErrorCode.INVALID_PROCEDURE_ARGUMENT;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code CALL timefusion.system.vacuum(schema_name, table_name, retention)} and
 * {@code CALL timefusion.system.cleanup_log(schema_name, table_name)}: VACUUM and Delta log cleanup of
 * otel_logs_and_spans, which is the default table and every registered project's own table. A table that fails does
 * not stop the others; the call then fails naming it. What each did is in {@code system.maintenance_runs}.
 */
public class MaintenanceProcedures
{
    private static final Logger log = Logger.get(MaintenanceProcedures.class);
    private static final MethodHandle VACUUM;
    private static final MethodHandle CLEANUP_LOG;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            VACUUM = lookup.findVirtual(MaintenanceProcedures.class, "vacuum", MethodType.methodType(void.class, ConnectorSession.class, String.class, String.class, String.class));
            CLEANUP_LOG = lookup.findVirtual(MaintenanceProcedures.class, "cleanupLog", MethodType.methodType(void.class, ConnectorSession.class, String.class, String.class));
        }
        catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ProjectTables tables;
    private final FileSystems fileSystems;
    private final Vacuum vacuum;
    private final MaintenanceHistory history;
    private final Duration minRetention;
    private final Duration logRetention;

    @Inject
    public MaintenanceProcedures(ProjectTables tables, FileSystems fileSystems, Vacuum vacuum, MaintenanceHistory history, TimeFusionConfig config)
    {
        this.tables = requireNonNull(tables, "tables is null");
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.vacuum = requireNonNull(vacuum, "vacuum is null");
        this.history = requireNonNull(history, "history is null");
        this.minRetention = config.getVacuumMinRetention();
        this.logRetention = config.getLogRetention();
    }

    public Set<Procedure> procedures()
    {
        return ImmutableSet.of(
                new Procedure(SystemSchema.NAME, SystemSchema.VACUUM, List.of(
                        new Argument("SCHEMA_NAME", VARCHAR),
                        new Argument("TABLE_NAME", VARCHAR),
                        new Argument("RETENTION", VARCHAR)),
                        VACUUM.bindTo(this)),
                new Procedure(SystemSchema.NAME, SystemSchema.CLEANUP_LOG, List.of(
                        new Argument("SCHEMA_NAME", VARCHAR),
                        new Argument("TABLE_NAME", VARCHAR)),
                        CLEANUP_LOG.bindTo(this)));
    }

    public void vacuum(ConnectorSession session, String schema, String table, String retention)
    {
        checkTable(schema, table);
        Duration retentionDuration = parseRetention(retention);
        if (retentionDuration.compareTo(minRetention) < 0) {
            throw new TrinoException(INVALID_PROCEDURE_ARGUMENT, "Retention %s is shorter than the minimum retention %s (catalog property timefusion.vacuum.min-retention): files a reader of a recent version may still need would be deleted"
                    .formatted(retentionDuration.convertToMostSuccinctTimeUnit(), minRetention.convertToMostSuccinctTimeUnit()));
        }
        Instant cutoff = Instant.now().minusMillis(retentionDuration.toMillis());
        forEachTable("vacuum", storage -> {
            Vacuum.Result result = vacuum.vacuum(storage, cutoff);
            history.record(new MaintenanceHistory.Run(session.getQueryId(), "vacuum", storage.describe(), Optional.empty(), Optional.empty(),
                    MaintenanceFileCounts.deleted(result.filesDeleted(), result.bytesDeleted()), 0, OptionalLong.empty(), OptionalLong.empty(), Instant.now()));
            log.info("VACUUM %s of %s with retention %s: %s files (%s bytes) deleted, %s kept", session.getQueryId(), storage.describe(), retentionDuration,
                    result.filesDeleted(), result.bytesDeleted(), result.filesKept());
        });
    }

    public void cleanupLog(ConnectorSession session, String schema, String table)
    {
        checkTable(schema, table);
        Instant cutoff = Instant.now().minusMillis(logRetention.toMillis());
        forEachTable("clean up the log of", storage -> {
            DeltaLogCleanup.Result result = DeltaLogCleanup.clean(fileSystems.fileSystem(storage.backend()), storage, cutoff);
            history.record(new MaintenanceHistory.Run(session.getQueryId(), "cleanup_log", storage.describe(), Optional.empty(), Optional.empty(),
                    MaintenanceFileCounts.deleted(result.filesDeleted(), result.bytesDeleted()), 0, OptionalLong.empty(), result.truncatedBelow(), Instant.now()));
            log.info("Log cleanup %s of %s: %s files deleted, the log starts at checkpoint %s", session.getQueryId(), storage.describe(), result.filesDeleted(),
                    result.truncatedBelow().isPresent() ? result.truncatedBelow().getAsLong() : "(unchanged)");
        });
    }

    private interface TableStep
    {
        void run(TableStorage table)
                throws IOException;
    }

    private void forEachTable(String action, TableStep step)
    {
        List<String> failures = new ArrayList<>();
        TrinoException first = null;
        for (ReadTable table : tables.forRead(Optional.empty())) {
            try {
                step.run(table.storage());
            }
            catch (IOException | RuntimeException e) {
                TrinoException failure = e instanceof TrinoException trinoException ? trinoException
                        : storageError(action + " the table", table.storage().tableRoot(), e instanceof IOException io ? io : new IOException(e));
                failures.add(failure.getMessage());
                if (first == null) {
                    first = failure;
                }
            }
        }
        if (first != null) {
            throw new TrinoException(TIMEFUSION_MAINTENANCE_FAILED, "Could not %s %d of the tables (the others were done): %s".formatted(action, failures.size(), String.join("; ", failures)), first);
        }
    }

    private static void checkTable(String schema, String table)
    {
        if (schema == null || table == null || !schema.toLowerCase(Locale.ROOT).equals(OtelLogsAndSpansTable.SCHEMA) || !table.toLowerCase(Locale.ROOT).equals(OtelLogsAndSpansTable.TABLE)) {
            throw new TrinoException(INVALID_PROCEDURE_ARGUMENT, "Table '%s.%s' does not exist: the catalog has only %s".formatted(schema, table, OtelLogsAndSpansTable.NAME));
        }
    }

    private static Duration parseRetention(String retention)
    {
        if (retention == null) {
            throw new TrinoException(INVALID_PROCEDURE_ARGUMENT, "retention must be given, e.g. '7d' or '168h'");
        }
        try {
            return Duration.valueOf(retention.strip());
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(INVALID_PROCEDURE_ARGUMENT, "retention must be a duration such as '7d' or '168h', not '%s'".formatted(retention));
        }
    }
}

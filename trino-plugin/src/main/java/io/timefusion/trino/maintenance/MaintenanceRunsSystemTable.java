package io.timefusion.trino.maintenance;

import com.google.inject.Inject;
import io.timefusion.contract.SystemSchema;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.InMemoryRecordSet;
import io.trino.spi.connector.RecordCursor;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/** {@code timefusion.system.maintenance_runs}: what recent OPTIMIZE, VACUUM and log cleanup statements did, newest last. */
public class MaintenanceRunsSystemTable
        implements SystemTable
{
    private static final ConnectorTableMetadata METADATA = new ConnectorTableMetadata(
            new SchemaTableName(SystemSchema.NAME, SystemSchema.MAINTENANCE_RUNS_TABLE),
            List.of(
                    new ColumnMetadata("query_id", VARCHAR),
                    new ColumnMetadata("operation", VARCHAR),
                    new ColumnMetadata("table_location", VARCHAR),
                    new ColumnMetadata("project_id", VARCHAR),
                    new ColumnMetadata("date", DATE),
                    new ColumnMetadata("files_removed", BIGINT),
                    new ColumnMetadata("bytes_removed", BIGINT),
                    new ColumnMetadata("files_added", BIGINT),
                    new ColumnMetadata("bytes_added", BIGINT),
                    new ColumnMetadata("rows_written", BIGINT),
                    new ColumnMetadata("duplicates_removed", BIGINT),
                    new ColumnMetadata("version", BIGINT),
                    new ColumnMetadata("finished_at", TIMESTAMP_TZ_MILLIS)));

    private final MaintenanceHistory history;

    @Inject
    public MaintenanceRunsSystemTable(MaintenanceHistory history)
    {
        this.history = requireNonNull(history, "history is null");
    }

    @Override
    public Distribution getDistribution()
    {
        // the history lives where the statements ran
        return Distribution.SINGLE_COORDINATOR;
    }

    @Override
    public ConnectorTableMetadata getTableMetadata()
    {
        return METADATA;
    }

    @Override
    public RecordCursor cursor(ConnectorTransactionHandle transaction, ConnectorSession session, TupleDomain<Integer> constraint)
    {
        InMemoryRecordSet.Builder rows = InMemoryRecordSet.builder(METADATA);
        for (MaintenanceHistory.Run run : history.runs()) {
            rows.addRow(
                    run.queryId(),
                    run.operation(),
                    run.tableLocation(),
                    run.projectId().orElse(null),
                    run.date().map(date -> date.toEpochDay()).orElse(null),
                    run.files().filesRemoved(),
                    run.files().bytesRemoved(),
                    run.files().filesAdded(),
                    run.files().bytesAdded(),
                    run.rowsWritten(),
                    run.duplicatesRemoved().isPresent() ? run.duplicatesRemoved().getAsLong() : null,
                    run.version().isPresent() ? run.version().getAsLong() : null,
                    packDateTimeWithZone(run.finishedAt().toEpochMilli(), UTC_KEY));
        }
        return rows.build().cursor();
    }
}

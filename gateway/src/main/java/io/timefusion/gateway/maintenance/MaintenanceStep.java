package io.timefusion.gateway.maintenance;

import io.timefusion.contract.MaintenanceFileCounts;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one table or partition of a maintenance statement did, as the plugin's {@code system.maintenance_runs} reports
 * it (see there for what the counts mean per operation).
 */
public record MaintenanceStep(
        String operation,
        Optional<String> projectId,
        Optional<LocalDate> date,
        MaintenanceFileCounts files,
        long duplicatesRemoved)
{
    public MaintenanceStep
    {
        requireNonNull(operation, "operation is null");
        requireNonNull(projectId, "projectId is null");
        requireNonNull(date, "date is null");
        requireNonNull(files, "files is null");
    }
}

package io.timefusion.gateway.maintenance;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** One row of the plugin's {@code system.partitions}: the data files of one (project_id, date). */
public record PartitionFiles(String projectId, LocalDate date, long files, long bytes, long smallFiles, long optimizableFiles)
{
    public PartitionFiles
    {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(date, "date is null");
    }
}

package io.timefusion.contract;

/**
 * What one step of a maintenance statement (OPTIMIZE of a partition, VACUUM or log cleanup of a table) did to files,
 * as the connector records it in {@code system.maintenance_runs} and the gateway reads it back.
 *
 * @param filesRemoved OPTIMIZE: files rewritten; VACUUM: data files deleted; cleanup_log: log files deleted
 * @param bytesRemoved the size of those files
 * @param filesAdded OPTIMIZE: files written; 0 for the others
 * @param bytesAdded the size of those files
 */
public record MaintenanceFileCounts(long filesRemoved, long bytesRemoved, long filesAdded, long bytesAdded)
{
    /** A step that only deleted files. */
    public static MaintenanceFileCounts deleted(long files, long bytes)
    {
        return new MaintenanceFileCounts(files, bytes, 0, 0);
    }
}

package io.timefusion.gateway.http;

import io.timefusion.gateway.maintenance.MaintenanceStatus;
import io.timefusion.gateway.maintenance.PartitionFiles;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code maintenance} object of /status and /metrics: files per partition, what maintenance did, its last runs. */
final class MaintenanceJson
{
    private MaintenanceJson() {}

    static Map<String, Object> of(MaintenanceStatus status, Instant nextVacuum)
    {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", status.enabled());
        json.put("running", status.current().orElse(null));
        // the pause plus the work of the last look: a partition gains at most the files flushed in two of these
        json.put("last_cycle_seconds", status.lastCycleSeconds().orElse(null));
        status.partitions().ifPresent(partitions -> {
            Map<String, Object> files = new LinkedHashMap<>();
            files.put("seen_at", partitions.seenAt().toString());
            files.put("partitions", partitions.partitions());
            files.put("files", partitions.files());
            files.put("max_files_per_partition", partitions.maxFilesPerPartition());
            files.put("fullest", partitions.fullest().stream().map(MaintenanceJson::partition).toList());
            json.put("files_per_partition", files);
        });
        Map<String, Object> optimize = new LinkedHashMap<>();
        optimize.put("runs", status.optimizeRuns());
        optimize.put("files_rewritten", status.filesRewritten());
        optimize.put("files_written", status.filesWritten());
        optimize.put("bytes_rewritten", status.bytesRewritten());
        optimize.put("bytes_written", status.bytesWritten());
        optimize.put("duplicates_removed", status.duplicatesRemoved());
        status.lastOptimize().ifPresent(run -> optimize.put("last_run", lastRun(run)));
        json.put("optimize", optimize);
        Map<String, Object> vacuum = new LinkedHashMap<>();
        vacuum.put("runs", status.vacuumRuns());
        vacuum.put("files_deleted", status.filesVacuumed());
        vacuum.put("bytes_deleted", status.bytesVacuumed());
        status.lastVacuum().ifPresent(run -> vacuum.put("last_run", lastRun(run)));
        vacuum.put("next_run_at", status.enabled() ? nextVacuum.toString() : null);
        json.put("vacuum", vacuum);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("runs", status.logCleanupRuns());
        log.put("files_deleted", status.logFilesDeleted());
        status.lastLogCleanup().ifPresent(run -> log.put("last_run", lastRun(run)));
        json.put("log_cleanup", log);
        json.put("failures", status.failures());
        status.lastFailure().ifPresent(failure -> {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("operation", failure.operation());
            last.put("partition", failure.partition().orElse(null));
            last.put("at", failure.at().toString());
            last.put("message", failure.message());
            json.put("last_failure", last);
        });
        return json;
    }

    private static Map<String, Object> partition(PartitionFiles partition)
    {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("project_id", partition.projectId());
        json.put("date", partition.date().toString());
        json.put("files", partition.files());
        json.put("bytes", partition.bytes());
        json.put("small_files", partition.smallFiles());
        json.put("optimizable_files", partition.optimizableFiles());
        return json;
    }

    private static Map<String, Object> lastRun(MaintenanceStatus.LastRun run)
    {
        Map<String, Object> json = new LinkedHashMap<>();
        run.partition().ifPresent(partition -> json.put("partition", partition));
        json.put("finished_at", run.finishedAt().toString());
        json.put("seconds", run.seconds());
        return json;
    }
}

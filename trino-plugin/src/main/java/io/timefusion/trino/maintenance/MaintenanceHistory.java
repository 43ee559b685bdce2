package io.timefusion.trino.maintenance;

import io.timefusion.contract.MaintenanceFileCounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * What the maintenance statements this coordinator ran did (the newest {@value #CAPACITY}), for
 * {@code timefusion.system.maintenance_runs}: the gateway reads the result of each step it started by its query id.
 * Also in each OPTIMIZE commit's commitInfo; this is only the quick way to ask.
 */
public class MaintenanceHistory
{
    static final int CAPACITY = 1000;

    private final Deque<Run> runs = new ArrayDeque<>();

    /**
     * One table (VACUUM, log cleanup) or one partition (OPTIMIZE) a statement maintained.
     *
     * @param files what it did to files
     * @param rowsWritten OPTIMIZE: rows in the new files
     * @param duplicatesRemoved OPTIMIZE: rows dropped as older duplicates, when every rewritten file had a row count
     * @param version OPTIMIZE: the version committed; cleanup_log: the checkpoint the log now starts at
     */
    public record Run(
            String queryId,
            String operation,
            String tableLocation,
            Optional<String> projectId,
            Optional<LocalDate> date,
            MaintenanceFileCounts files,
            long rowsWritten,
            OptionalLong duplicatesRemoved,
            OptionalLong version,
            Instant finishedAt)
    {
        public Run
        {
            requireNonNull(queryId, "queryId is null");
            requireNonNull(operation, "operation is null");
            requireNonNull(tableLocation, "tableLocation is null");
            requireNonNull(projectId, "projectId is null");
            requireNonNull(date, "date is null");
            requireNonNull(files, "files is null");
            requireNonNull(duplicatesRemoved, "duplicatesRemoved is null");
            requireNonNull(version, "version is null");
            requireNonNull(finishedAt, "finishedAt is null");
        }
    }

    public synchronized void record(Run run)
    {
        runs.addLast(run);
        while (runs.size() > CAPACITY) {
            runs.removeFirst();
        }
    }

    public synchronized List<Run> runs()
    {
        return List.copyOf(runs);
    }
}

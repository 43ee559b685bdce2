package io.timefusion.gateway.maintenance;

import com.google.inject.Inject;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What table maintenance did since the gateway started, for /status and /metrics: the files per partition it saw last,
 * what its OPTIMIZE, VACUUM and log cleanup steps removed and wrote, the last run of each, and the last failure.
 */
public final class MaintenanceStatus
{
    /** The partitions with the most files, as /status lists them. */
    static final int LISTED_PARTITIONS = 10;

    /** A step that ended: which, on what, when, and how long it took. */
    public record LastRun(String operation, Optional<String> partition, Instant finishedAt, double seconds) {}

    /** The last step that failed, with Trino's message. */
    public record Failure(String operation, Optional<String> partition, Instant at, String message) {}

    /** The files per partition at the last look: how many partitions, files in all, the most in one, and the fullest. */
    public record Partitions(Instant seenAt, long partitions, long files, long maxFilesPerPartition, List<PartitionFiles> fullest) {}

    private final boolean enabled;
    private final LongAdder optimizeRuns = new LongAdder();
    private final LongAdder filesRewritten = new LongAdder();
    private final LongAdder filesWritten = new LongAdder();
    private final LongAdder bytesRewritten = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder duplicatesRemoved = new LongAdder();
    private final LongAdder vacuumRuns = new LongAdder();
    private final LongAdder filesVacuumed = new LongAdder();
    private final LongAdder bytesVacuumed = new LongAdder();
    private final LongAdder logCleanupRuns = new LongAdder();
    private final LongAdder logFilesDeleted = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<Partitions> partitions = new AtomicReference<>();
    private final AtomicReference<LastRun> lastOptimize = new AtomicReference<>();
    private final AtomicReference<LastRun> lastVacuum = new AtomicReference<>();
    private final AtomicReference<LastRun> lastLogCleanup = new AtomicReference<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final AtomicReference<String> current = new AtomicReference<>();
    private volatile double lastCycleSeconds = Double.NaN;

    @Inject
    public MaintenanceStatus(MaintenanceConfig config)
    {
        this.enabled = config.isEnabled();
    }

    void partitionsSeen(List<PartitionFiles> seen)
    {
        List<PartitionFiles> fullest = seen.stream()
                .sorted(Comparator.comparingLong(PartitionFiles::files).reversed())
                .limit(LISTED_PARTITIONS)
                .toList();
        partitions.set(new Partitions(Instant.now(), seen.size(), seen.stream().mapToLong(PartitionFiles::files).sum(),
                seen.stream().mapToLong(PartitionFiles::files).max().orElse(0), fullest));
    }

    /** A look at the partitions and the steps it started ended: how long it took bounds how many files a partition gains meanwhile. */
    void cycleEnded(double seconds)
    {
        lastCycleSeconds = seconds;
    }

    void running(String step)
    {
        current.set(step);
    }

    void optimized(String partition, List<MaintenanceStep> steps, double seconds)
    {
        current.set(null);
        optimizeRuns.increment();
        for (MaintenanceStep step : steps) {
            filesRewritten.add(step.files().filesRemoved());
            bytesRewritten.add(step.files().bytesRemoved());
            filesWritten.add(step.files().filesAdded());
            bytesWritten.add(step.files().bytesAdded());
            duplicatesRemoved.add(step.duplicatesRemoved());
        }
        lastOptimize.set(new LastRun("optimize", Optional.of(partition), Instant.now(), seconds));
    }

    void vacuumed(List<MaintenanceStep> steps, double seconds)
    {
        current.set(null);
        vacuumRuns.increment();
        steps.forEach(step -> {
            filesVacuumed.add(step.files().filesRemoved());
            bytesVacuumed.add(step.files().bytesRemoved());
        });
        lastVacuum.set(new LastRun("vacuum", Optional.empty(), Instant.now(), seconds));
    }

    void logCleaned(List<MaintenanceStep> steps, double seconds)
    {
        current.set(null);
        logCleanupRuns.increment();
        steps.forEach(step -> logFilesDeleted.add(step.files().filesRemoved()));
        lastLogCleanup.set(new LastRun("cleanup_log", Optional.empty(), Instant.now(), seconds));
    }

    void failed(String operation, Optional<String> partition, String message)
    {
        current.set(null);
        failures.increment();
        lastFailure.set(new Failure(operation, partition, Instant.now(), message));
    }

    public boolean enabled()
    {
        return enabled;
    }

    /** The step running now ("optimize p/2026-03-01", "vacuum", …), if any. */
    public Optional<String> current()
    {
        return Optional.ofNullable(current.get());
    }

    public Optional<Double> lastCycleSeconds()
    {
        return Double.isNaN(lastCycleSeconds) ? Optional.empty() : Optional.of(lastCycleSeconds);
    }

    public Optional<Partitions> partitions()
    {
        return Optional.ofNullable(partitions.get());
    }

    public long optimizeRuns()
    {
        return optimizeRuns.sum();
    }

    public long filesRewritten()
    {
        return filesRewritten.sum();
    }

    public long filesWritten()
    {
        return filesWritten.sum();
    }

    public long bytesRewritten()
    {
        return bytesRewritten.sum();
    }

    public long bytesWritten()
    {
        return bytesWritten.sum();
    }

    public long duplicatesRemoved()
    {
        return duplicatesRemoved.sum();
    }

    public long vacuumRuns()
    {
        return vacuumRuns.sum();
    }

    public long filesVacuumed()
    {
        return filesVacuumed.sum();
    }

    public long bytesVacuumed()
    {
        return bytesVacuumed.sum();
    }

    public long logCleanupRuns()
    {
        return logCleanupRuns.sum();
    }

    public long logFilesDeleted()
    {
        return logFilesDeleted.sum();
    }

    public long failures()
    {
        return failures.sum();
    }

    public Optional<LastRun> lastOptimize()
    {
        return Optional.ofNullable(lastOptimize.get());
    }

    public Optional<LastRun> lastVacuum()
    {
        return Optional.ofNullable(lastVacuum.get());
    }

    public Optional<LastRun> lastLogCleanup()
    {
        return Optional.ofNullable(lastLogCleanup.get());
    }

    public Optional<Failure> lastFailure()
    {
        return Optional.ofNullable(lastFailure.get());
    }
}

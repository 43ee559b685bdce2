package io.timefusion.gateway.maintenance;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.airlift.log.Logger;
import io.timefusion.gateway.ingest.IngestConfig;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Automatic table maintenance, run by the gateway: every MAINTENANCE_INTERVAL it reads the files per partition from the
 * plugin and optimizes each partition where OPTIMIZE would rewrite at least MAINTENANCE_MIN_FILES files, one
 * (project, date) per statement and one statement at a time, the fullest first; every MAINTENANCE_VACUUM_INTERVAL it
 * runs VACUUM and log cleanup. Before each step it waits while the write buffer flushes, so ingest has Trino first; no
 * flush ever waits for it (appends and OPTIMIZE commit without conflict). A step that fails is reported and the next
 * one runs. Stopping cancels the running statement: an interrupted OPTIMIZE commits nothing and leaves at most
 * uncommitted files, which VACUUM deletes once they are older than its retention.
 */
public class TableMaintenance
{
    private static final Logger log = Logger.get(TableMaintenance.class);
    private static final long INGEST_POLL_MILLIS = 50;
    // a buffer that flushes without pause must not stop maintenance for good: files would pile up
    private static final Duration LONGEST_YIELD = Duration.ofSeconds(30);

    private final MaintenanceConfig config;
    private final TableMaintenanceClient client;
    private final MaintenanceStatus status;
    private final Provider<Optional<WriteBuffer>> buffer;
    private final VacuumSchedule vacuumSchedule;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("table-maintenance").daemon().factory());
    private final AtomicReference<Statement> running = new AtomicReference<>();
    private volatile boolean stopping;

    @Inject
    public TableMaintenance(MaintenanceConfig config, IngestConfig ingestConfig, TableMaintenanceClient client, MaintenanceStatus status, Provider<Optional<WriteBuffer>> buffer)
    {
        this.config = requireNonNull(config, "config is null");
        this.client = requireNonNull(client, "client is null");
        this.status = requireNonNull(status, "status is null");
        this.buffer = requireNonNull(buffer, "buffer is null");
        this.vacuumSchedule = new VacuumSchedule(ingestConfig.getQueueDbPath(), Duration.ofMillis(config.getVacuumInterval().toMillis()), Instant.now());
    }

    @PostConstruct
    public void start()
    {
        if (config.isEnabled()) {
            long interval = config.getInterval().toMillis();
            executor.scheduleWithFixedDelay(this::cycle, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    public void stop()
            throws InterruptedException
    {
        stopping = true;
        Statement statement = running.get();
        if (statement != null) {
            try {
                statement.cancel();
            }
            catch (SQLException e) {
                log.warn("Could not cancel the running maintenance statement: %s", e.getMessage());
            }
        }
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** When VACUUM and log cleanup run next. */
    public Instant nextVacuum()
    {
        return vacuumSchedule.nextRun();
    }

    private void cycle()
    {
        long started = System.nanoTime();
        try {
            List<PartitionFiles> partitions;
            try {
                partitions = client.partitions();
            }
            catch (SQLException e) {
                status.failed("scan", Optional.empty(), e.getMessage());
                return;
            }
            status.partitionsSeen(partitions);
            List<PartitionFiles> due = partitions.stream()
                    .filter(partition -> partition.optimizableFiles() >= config.getMinFiles())
                    .sorted(Comparator.comparingLong(PartitionFiles::optimizableFiles).reversed())
                    .toList();
            for (PartitionFiles partition : due) {
                if (!yieldToIngest()) {
                    return;
                }
                optimize(partition);
            }
            Instant now = Instant.now();
            if (vacuumSchedule.isDue(now) && yieldToIngest()) {
                vacuumAndCleanLog();
                vacuumSchedule.ran(now);
            }
        }
        catch (RuntimeException e) {
            // a bug, not a failed statement: the next cycle must still run
            log.error(e, "Table maintenance failed unexpectedly");
            status.failed("cycle", Optional.empty(), e.toString());
        }
        finally {
            status.cycleEnded((System.nanoTime() - started) / 1e9 + config.getInterval().getValue(TimeUnit.SECONDS));
        }
    }

    private void optimize(PartitionFiles partition)
    {
        String name = partition.projectId() + "/" + partition.date();
        status.running("optimize " + name);
        long started = System.nanoTime();
        try {
            List<MaintenanceStep> steps = client.optimize(partition.projectId(), partition.date(), running);
            status.optimized(name, steps, (System.nanoTime() - started) / 1e9);
        }
        catch (SQLException e) {
            status.failed("optimize", Optional.of(name), e.getMessage());
            log.warn("OPTIMIZE of %s failed: %s", name, e.getMessage());
        }
    }

    private void vacuumAndCleanLog()
    {
        status.running("vacuum");
        long started = System.nanoTime();
        try {
            status.vacuumed(client.vacuum(config.getVacuumRetention(), running), (System.nanoTime() - started) / 1e9);
        }
        catch (SQLException e) {
            status.failed("vacuum", Optional.empty(), e.getMessage());
            log.warn("VACUUM failed: %s", e.getMessage());
        }
        if (stopping) {
            return;
        }
        status.running("cleanup_log");
        started = System.nanoTime();
        try {
            status.logCleaned(client.cleanupLog(running), (System.nanoTime() - started) / 1e9);
        }
        catch (SQLException e) {
            status.failed("cleanup_log", Optional.empty(), e.getMessage());
            log.warn("Log cleanup failed: %s", e.getMessage());
        }
    }

    /**
     * Waits while the write buffer flushes (at most {@link #LONGEST_YIELD}).
     *
     * @return false when the gateway is stopping
     */
    private boolean yieldToIngest()
    {
        long deadline = System.nanoTime() + LONGEST_YIELD.toNanos();
        while (!stopping && System.nanoTime() < deadline && buffer.get().map(WriteBuffer::isFlushing).orElse(false)) {
            try {
                Thread.sleep(INGEST_POLL_MILLIS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopping;
    }
}

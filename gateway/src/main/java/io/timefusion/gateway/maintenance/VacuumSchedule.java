package io.timefusion.gateway.maintenance;

import io.airlift.log.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When VACUUM and log cleanup last ran, so that "daily" survives restarts: kept in a file of the gateway's state
 * directory (QUEUE_DB_PATH) when it has one. Without one the gateway only knows its own runs, and first vacuums one
 * interval after it started (a gateway restarted more often than that never vacuums: give it QUEUE_DB_PATH).
 */
final class VacuumSchedule
{
    static final String FILE_NAME = "maintenance-last-vacuum";
    private static final Logger log = Logger.get(VacuumSchedule.class);

    private final Optional<Path> file;
    private final Duration interval;
    private Instant lastRun;

    VacuumSchedule(Optional<Path> stateDirectory, Duration interval, Instant startedAt)
    {
        this.file = stateDirectory.map(directory -> directory.resolve(FILE_NAME));
        this.interval = interval;
        this.lastRun = file.flatMap(VacuumSchedule::read).orElse(file.isPresent() ? Instant.EPOCH : startedAt);
    }

    boolean isDue(Instant now)
    {
        return !now.isBefore(lastRun.plus(interval));
    }

    Instant nextRun()
    {
        return lastRun.plus(interval);
    }

    void ran(Instant at)
    {
        lastRun = at;
        file.ifPresent(path -> write(path, at));
    }

    private static Optional<Instant> read(Path path)
    {
        try {
            return Files.exists(path) ? Optional.of(Instant.parse(Files.readString(path, StandardCharsets.UTF_8).strip())) : Optional.empty();
        }
        catch (IOException | DateTimeParseException e) {
            log.warn("Ignoring unreadable %s (%s): the next VACUUM runs now", path, e.getMessage());
            return Optional.empty();
        }
    }

    private static void write(Path path, Instant at)
    {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temporary, at.toString(), StandardCharsets.UTF_8);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            // only the schedule suffers: after a restart VACUUM may run sooner than planned
            log.warn("Could not record the last VACUUM in %s: %s", path, e.getMessage());
        }
    }
}

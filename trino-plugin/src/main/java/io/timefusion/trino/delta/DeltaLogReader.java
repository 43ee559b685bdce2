package io.timefusion.trino.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.airlift.log.Logger;
import io.timefusion.trino.delta.DeltaActions.Action;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.FileIterator;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.filesystem.TrinoInputFile;
import io.trino.spi.TrinoException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_CORRUPT_DELTA_LOG;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Replays a Delta log: from the newest checkpoint named by {@code _last_checkpoint}, then commit after commit
 * until the next version does not exist. Versions are probed one by one rather than listed, so the cost of
 * opening a table depends on the commits since the last checkpoint, not on the length of its history. Without
 * {@code _last_checkpoint} the log is replayed from version 0, or, once log cleanup removed the first versions, from
 * the newest checkpoint a listing finds.
 */
final class DeltaLogReader
{
    private static final Logger log = Logger.get(DeltaLogReader.class);

    private DeltaLogReader() {}

    static DeltaSnapshot load(TrinoFileSystem fileSystem, TableStorage table)
    {
        DeltaSnapshot start = lastCheckpoint(fileSystem, table)
                .map(checkpoint -> readCheckpoint(fileSystem, table, checkpoint.version()))
                .orElseGet(() -> startWithoutCheckpointHint(fileSystem, table));
        return update(fileSystem, table, start);
    }

    private static DeltaSnapshot startWithoutCheckpointHint(TrinoFileSystem fileSystem, TableStorage table)
    {
        Optional<List<Action>> first = readCommit(fileSystem, table, 0);
        if (first.isPresent()) {
            return DeltaSnapshot.EMPTY.apply(0, first.get());
        }
        // no version 0: a new location, or a log whose first versions cleanup deleted (it keeps a checkpoint to start from)
        long newestCheckpoint = -1;
        boolean anyCommit = false;
        try {
            FileIterator files = fileSystem.listFiles(table.deltaLog());
            while (files.hasNext()) {
                Optional<DeltaLogFiles.VersionedFile> file = DeltaLogFiles.parse(files.next().location().fileName());
                if (file.isEmpty()) {
                    continue;
                }
                anyCommit |= file.get().kind() == DeltaLogFiles.Kind.COMMIT;
                if (file.get().kind() == DeltaLogFiles.Kind.SINGLE_PART_CHECKPOINT) {
                    newestCheckpoint = Math.max(newestCheckpoint, file.get().version());
                }
            }
        }
        catch (IOException e) {
            throw storageError("list the Delta log", table.deltaLog(), e);
        }
        if (newestCheckpoint >= 0) {
            return readCheckpoint(fileSystem, table, newestCheckpoint);
        }
        if (anyCommit) {
            throw new TrinoException(TIMEFUSION_CORRUPT_DELTA_LOG,
                    "The Delta log of table %s has neither version 0 nor a checkpoint to start from; restore the missing log files".formatted(table.describe()));
        }
        return DeltaSnapshot.EMPTY;
    }

    /** The snapshot with every commit after {@code snapshot} applied. */
    static DeltaSnapshot update(TrinoFileSystem fileSystem, TableStorage table, DeltaSnapshot snapshot)
    {
        DeltaSnapshot current = snapshot;
        while (true) {
            long next = current.version() + 1;
            Optional<List<Action>> actions = readCommit(fileSystem, table, next);
            if (actions.isEmpty()) {
                return current;
            }
            current = current.apply(next, actions.get());
        }
    }

    private static Optional<List<Action>> readCommit(TrinoFileSystem fileSystem, TableStorage table, long version)
    {
        Location location = DeltaLogFiles.commit(table, version);
        Optional<byte[]> content = readIfExists(fileSystem, location);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeltaJson.parse(content.get()));
        }
        catch (JsonProcessingException e) {
            throw new TrinoException(TIMEFUSION_CORRUPT_DELTA_LOG,
                    "Delta log entry %s of table %s is corrupt (%s); the table is unchanged, repair or restore that file"
                            .formatted(location.fileName(), table.describe(), e.getOriginalMessage()), e);
        }
    }

    private static Optional<LastCheckpoint> lastCheckpoint(TrinoFileSystem fileSystem, TableStorage table)
    {
        Optional<byte[]> content = readIfExists(fileSystem, DeltaLogFiles.lastCheckpoint(table));
        try {
            return content.isEmpty() ? Optional.empty() : Optional.of(DeltaJson.fromJson(new String(content.get(), UTF_8), LastCheckpoint.class));
        }
        catch (JsonProcessingException e) {
            // only a hint (Delta protocol): replaying from version 0 gives the same snapshot, just slower
            log.warn("Ignoring unreadable _last_checkpoint of %s: %s", table.describe(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static DeltaSnapshot readCheckpoint(TrinoFileSystem fileSystem, TableStorage table, long version)
    {
        Location location = DeltaLogFiles.checkpoint(table, version);
        TrinoInputFile file = fileSystem.newInputFile(location);
        try {
            return DeltaSnapshot.fromCheckpoint(version, CheckpointReader.read(file));
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof TrinoException trinoException) {
                throw trinoException;
            }
            throw new TrinoException(TIMEFUSION_CORRUPT_DELTA_LOG,
                    "Delta checkpoint %s of table %s cannot be read: %s".formatted(location.fileName(), table.describe(), e.getMessage()), e);
        }
    }

    private static Optional<byte[]> readIfExists(TrinoFileSystem fileSystem, Location location)
    {
        try (InputStream input = fileSystem.newInputFile(location).newStream()) {
            return Optional.of(input.readAllBytes());
        }
        catch (FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw storageError("read the Delta log", location, e);
        }
    }
}

package io.timefusion.trino.delta;

import com.google.common.collect.ImmutableList;
import io.timefusion.trino.delta.DeltaLogFiles.Kind;
import io.timefusion.trino.delta.DeltaLogFiles.VersionedFile;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.FileEntry;
import io.trino.filesystem.FileIterator;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Delta's log cleanup (logRetentionDuration): deletes the commits and checkpoints that were written before the cutoff
 * and precede the newest checkpoint written before it. Every version written after the cutoff stays readable, since it
 * follows that checkpoint, and so does the latest; versions before the checkpoint are gone (time travel to them is
 * refused by readers, which find no log to start from). Other files of the log ({@code _last_checkpoint}) stay, as do
 * temporary files younger than the cutoff (a commit may be writing one).
 */
public final class DeltaLogCleanup
{
    private static final String TEMPORARY_FILE_PREFIX = ".tmp-";

    /**
     * What one cleanup did.
     *
     * @param truncatedBelow the checkpoint the log now starts from, when the cleanup found one old enough to cut at
     */
    public record Result(long filesDeleted, long bytesDeleted, OptionalLong truncatedBelow) {}

    private DeltaLogCleanup() {}

    public static Result clean(TrinoFileSystem fileSystem, TableStorage table, Instant cutoff)
            throws IOException
    {
        List<FileEntry> entries = new ArrayList<>();
        FileIterator listing = fileSystem.listFiles(table.deltaLog());
        while (listing.hasNext()) {
            entries.add(listing.next());
        }
        OptionalLong oldestKept = entries.stream()
                .filter(entry -> !entry.lastModified().isAfter(cutoff))
                .flatMap(entry -> DeltaLogFiles.parse(entry.location().fileName()).stream())
                .filter(file -> file.kind() == Kind.SINGLE_PART_CHECKPOINT)
                .mapToLong(VersionedFile::version)
                .max();
        ImmutableList.Builder<Location> doomed = ImmutableList.builder();
        long bytes = 0;
        long count = 0;
        for (FileEntry entry : entries) {
            if (entry.lastModified().isAfter(cutoff)) {
                continue;
            }
            String name = entry.location().fileName();
            Optional<VersionedFile> file = DeltaLogFiles.parse(name);
            boolean expired = file.isPresent()
                    ? oldestKept.isPresent() && file.get().version() < oldestKept.getAsLong()
                    : name.startsWith(TEMPORARY_FILE_PREFIX);
            if (expired) {
                doomed.add(entry.location());
                bytes += entry.length();
                count++;
            }
        }
        fileSystem.deleteFiles(doomed.build());
        return new Result(count, bytes, oldestKept);
    }
}

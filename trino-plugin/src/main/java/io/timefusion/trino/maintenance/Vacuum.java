package io.timefusion.trino.maintenance;

import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.RemoveFile;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.FileEntry;
import io.trino.filesystem.FileIterator;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * VACUUM of one table: deletes the data files that no version written after the cutoff needs. Kept are the live
 * files, the files removed after the cutoff (a reader of a version inside the retention reads them; their tombstones
 * say when they were removed), and every file modified after the cutoff, known or not (an INSERT or OPTIMIZE may be
 * writing it right now, before its commit). Deleted is the rest: files removed before the cutoff, and orphans of
 * failed writes or of replays whose rows were committed already. The log ({@code _delta_log}) and hidden files are
 * left alone.
 */
public class Vacuum
{
    private final FileSystems fileSystems;
    private final DeltaSnapshots snapshots;

    /** What one vacuum of one table did. */
    public record Result(long filesDeleted, long bytesDeleted, long filesKept) {}

    @Inject
    public Vacuum(FileSystems fileSystems, DeltaSnapshots snapshots)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
    }

    public Result vacuum(TableStorage table, Instant cutoff)
            throws IOException
    {
        // read after the listing starts would do too: a file committed since is younger than any cutoff
        DeltaSnapshot snapshot = snapshots.latest(table);
        Set<String> needed = new HashSet<>();
        for (AddFile file : snapshot.liveFiles()) {
            needed.add(DeltaLogFiles.dataFile(table.tableRoot(), file.path()).toString());
        }
        for (RemoveFile tombstone : snapshot.tombstones().values()) {
            if (tombstone.deletionTimestamp() == null || tombstone.deletionTimestamp() >= cutoff.toEpochMilli()) {
                needed.add(DeltaLogFiles.dataFile(table.tableRoot(), tombstone.path()).toString());
            }
        }

        TrinoFileSystem fileSystem = fileSystems.fileSystem(table.backend());
        String root = table.tableRoot().toString() + "/";
        ImmutableList.Builder<Location> doomed = ImmutableList.builder();
        long bytes = 0;
        long deleted = 0;
        long kept = 0;
        FileIterator files = fileSystem.listFiles(table.tableRoot());
        while (files.hasNext()) {
            FileEntry file = files.next();
            String location = file.location().toString();
            if (!location.startsWith(root) || isHidden(location.substring(root.length()))) {
                continue;
            }
            if (needed.contains(location) || file.lastModified().isAfter(cutoff)) {
                kept++;
                continue;
            }
            doomed.add(file.location());
            bytes += file.length();
            deleted++;
        }
        List<Location> toDelete = doomed.build();
        fileSystem.deleteFiles(toDelete);
        return new Result(deleted, bytes, kept);
    }

    /** {@code _delta_log/…} and any path with a segment starting with '_' or '.' (Delta's rule for files that are not data). */
    private static boolean isHidden(String relativePath)
    {
        for (String segment : relativePath.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}

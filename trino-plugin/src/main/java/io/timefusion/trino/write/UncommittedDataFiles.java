package io.timefusion.trino.write;

import io.airlift.log.Logger;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;

import java.io.IOException;
import java.util.List;

/**
 * Deletes the data files an aborted page sink wrote. They are not committed, so no reader sees them; deleting them
 * only saves space, and a file that cannot be deleted is left to VACUUM.
 */
public final class UncommittedDataFiles
{
    private static final Logger log = Logger.get(UncommittedDataFiles.class);

    private UncommittedDataFiles() {}

    public static void delete(List<DataFileFragment> files, ProjectTables tables, FileSystems fileSystems)
    {
        for (DataFileFragment file : files) {
            TableStorage table = tables.byKey(file.table());
            Location location = DeltaLogFiles.dataFile(table.tableRoot(), file.add().path());
            try {
                fileSystems.fileSystem(table.backend()).deleteFile(location);
            }
            catch (IOException | RuntimeException e) {
                log.warn(e, "Could not delete uncommitted data file %s", location);
            }
        }
    }
}

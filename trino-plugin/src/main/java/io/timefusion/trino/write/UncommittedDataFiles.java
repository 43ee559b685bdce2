package io.timefusion.trino.write;

import io.airlift.log.Logger;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes data files that were written but not committed (an aborted page sink, a failed OPTIMIZE or row change). No
 * reader sees them; deleting them only saves space, and files that cannot be deleted are left to VACUUM.
 */
public final class UncommittedDataFiles
{
    private static final Logger log = Logger.get(UncommittedDataFiles.class);

    private UncommittedDataFiles() {}

    public static void delete(List<DataFileFragment> files, ProjectTables tables, FileSystems fileSystems)
    {
        Map<String, List<AddFile>> byTable = new LinkedHashMap<>();
        files.forEach(file -> byTable.computeIfAbsent(file.table(), _ -> new ArrayList<>()).add(file.add()));
        byTable.forEach((table, added) -> delete(table, added, tables, fileSystems));
    }

    /** The files of one table, in one request to its storage. */
    public static void delete(String tableKey, List<AddFile> files, ProjectTables tables, FileSystems fileSystems)
    {
        if (files.isEmpty()) {
            return;
        }
        try {
            TableStorage table = tables.byKey(tableKey);
            List<Location> locations = files.stream().map(file -> DeltaLogFiles.dataFile(table.tableRoot(), file.path())).toList();
            fileSystems.fileSystem(table.backend()).deleteFiles(locations);
        }
        catch (IOException | RuntimeException e) {
            log.warn(e, "Could not delete %s uncommitted data files of table '%s'", files.size(), tableKey);
        }
    }
}

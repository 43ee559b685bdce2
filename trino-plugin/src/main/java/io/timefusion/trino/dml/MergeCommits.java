package io.timefusion.trino.dml;

import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.airlift.slice.Slice;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaCommitter;
import io.timefusion.trino.delta.DeltaCommitter.Rewrite;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.delta.FileTags;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.read.QuerySnapshots;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.timefusion.trino.write.UncommittedDataFiles;
import io.trino.spi.TrinoException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * The end of an UPDATE, DELETE or MERGE on the coordinator: for each table, one Delta commit that removes every file a
 * sink rewrote and adds the rewritten files and the new rows' files. The commit conflicts (SQLSTATE 40001) when another
 * commit removed one of those files since the scan read it, so a concurrent change of the same rows is never lost;
 * appends meanwhile never conflict. When a commit fails, the new files of the tables not yet committed are deleted.
 */
public class MergeCommits
{
    static final String OPERATION = "MERGE";
    private static final Logger log = Logger.get(MergeCommits.class);

    private final DeltaCommitter committer;
    private final ProjectTables tables;
    private final QuerySnapshots snapshots;
    private final FileSystems fileSystems;

    /** What the sinks wrote into one table: rewrites by the path of the file they replace, and files of new rows. */
    private static final class TableChange
    {
        private final Map<String, MergeFragment> rewrites = new LinkedHashMap<>();
        private final List<AddFile> inserted = new ArrayList<>();

        List<AddFile> writtenFiles()
        {
            List<AddFile> written = new ArrayList<>(inserted);
            rewrites.values().forEach(rewrite -> rewrite.addedFile().ifPresent(written::add));
            return written;
        }
    }

    @Inject
    public MergeCommits(DeltaCommitter committer, ProjectTables tables, QuerySnapshots snapshots, FileSystems fileSystems)
    {
        this.committer = requireNonNull(committer, "committer is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
    }

    public void commit(String queryId, Collection<Slice> fragments)
    {
        Map<String, TableChange> changes = new LinkedHashMap<>();
        for (Slice slice : fragments) {
            MergeFragment fragment = DeltaJson.fromFragment(slice, MergeFragment.class);
            TableChange change = changes.computeIfAbsent(fragment.table(), _ -> new TableChange());
            if (fragment.rewrittenPath().isEmpty()) {
                change.inserted.add(fragment.addedFile().orElseThrow());
            }
            else if (change.rewrites.putIfAbsent(fragment.rewrittenPath().get(), fragment) != null) {
                // the row-id layout sends all deletions of a file to one sink; two rewrites of it would lose one's deletions
                deleteWritten(changes);
                throw new TrinoException(GENERIC_INTERNAL_ERROR, "Two writers rewrote data file %s; nothing was committed".formatted(fragment.rewrittenPath().get()));
            }
        }
        Map<String, TableChange> uncommitted = new LinkedHashMap<>(changes);
        try {
            for (Map.Entry<String, TableChange> change : changes.entrySet()) {
                commitTable(queryId, change.getKey(), change.getValue());
                uncommitted.remove(change.getKey());
            }
        }
        catch (RuntimeException e) {
            deleteWritten(uncommitted);
            throw e;
        }
    }

    private void commitTable(String queryId, String tableKey, TableChange change)
    {
        TableStorage storage = tables.byKey(tableKey);
        // the snapshot the scan read: the row ids name files of it
        DeltaSnapshot snapshot = snapshots.snapshot(queryId, storage);
        List<AddFile> removed = new ArrayList<>();
        List<AddFile> added = new ArrayList<>(change.inserted);
        change.rewrites.forEach((path, rewrite) -> {
            AddFile original = snapshot.files().get(path);
            if (original == null) {
                throw new TrinoException(GENERIC_INTERNAL_ERROR, "A row id names data file %s, which snapshot %s of %s does not hold; nothing was committed"
                        .formatted(path, snapshot.version(), storage.describe()));
            }
            removed.add(original);
            // the rows left in a rewritten file are as old as they were: OPTIMIZE orders duplicates by write version
            rewrite.addedFile().ifPresent(file -> added.add(file.withTag(FileTags.WRITE_VERSION, Long.toString(FileTags.writeVersion(original)))));
        });
        Rewrite rewrite = new Rewrite(OPERATION, snapshot.version(), removed, added, true, Map.of());
        long version = committer.commitRewrite(storage, rewrite, queryId);
        log.debug("%s %s committed version %s of %s: %s files removed, %s added", OPERATION, queryId, version, storage.describe(), removed.size(), added.size());
    }

    private void deleteWritten(Map<String, TableChange> changes)
    {
        changes.forEach((table, change) -> UncommittedDataFiles.delete(table, change.writtenFiles(), tables, fileSystems));
    }
}

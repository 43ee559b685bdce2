package io.timefusion.trino.dml;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.metadata.MergeRowId;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.timefusion.trino.write.DataFileFragment;
import io.timefusion.trino.write.PartitionKey;
import io.timefusion.trino.write.UncommittedDataFiles;
import io.trino.filesystem.Location;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorMergeSink;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.connector.MergePage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The writer side of an UPDATE, DELETE or MERGE (Trino sends an update as the deletion of the old row and the insertion
 * of the new one): new rows go to an insert page sink, deleted rows are collected per data file, and at the end each
 * file that lost rows is rewritten without them (copy-on-write). The row-id layout sends all deletions of a file to
 * one sink. The coordinator commits the removals and additions of all sinks in one Delta version.
 */
public class TimeFusionMergeSink
        implements ConnectorMergeSink
{
    private final FileSystems fileSystems;
    private final ProjectTables tables;
    private final DataFileRewriter rewriter;
    private final ConnectorPageSink insertSink;
    private final int dataColumnCount;
    private final int projectChannel;
    private final int dateChannel;
    private final Map<FileOfTable, FileDeletions> deletions = new LinkedHashMap<>();
    private final List<DataFileFragment> rewrittenFiles = new ArrayList<>();

    private record FileOfTable(String table, String path) {}

    private record FileDeletions(long fileSize, PartitionKey partition, BitSet positions) {}

    public TimeFusionMergeSink(FileSystems fileSystems, ProjectTables tables, DataFileRewriter rewriter, ConnectorPageSink insertSink, List<TimeFusionColumnHandle> columns)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.rewriter = requireNonNull(rewriter, "rewriter is null");
        this.insertSink = requireNonNull(insertSink, "insertSink is null");
        this.dataColumnCount = columns.size();
        List<String> names = columns.stream().map(TimeFusionColumnHandle::name).toList();
        this.projectChannel = names.indexOf(PROJECT_ID);
        this.dateChannel = names.indexOf(DATE_COLUMN);
    }

    @Override
    public void storeMergedRows(Page page)
    {
        MergePage merge = MergePage.createDeleteAndInsertPages(page, dataColumnCount);
        merge.getInsertionsPage().ifPresent(insertSink::appendPage);
        merge.getDeletionsPage().ifPresent(this::recordDeletions);
    }

    /** The deletions page holds the data columns and, last, the row id. */
    private void recordDeletions(Page page)
    {
        MergeRowId.Reader rowIds = MergeRowId.reader(page.getBlock(page.getChannelCount() - 1));
        Block projects = page.getBlock(projectChannel);
        Block dates = page.getBlock(dateChannel);
        for (int position = 0; position < page.getPositionCount(); position++) {
            MergeRowId.Reference row = rowIds.read(position);
            FileOfTable key = new FileOfTable(row.table(), row.path());
            FileDeletions file = deletions.get(key);
            if (file == null) {
                file = new FileDeletions(row.fileSize(), new PartitionKey(VARCHAR.getSlice(projects, position).toStringUtf8(), DATE.getLong(dates, position)), new BitSet());
                deletions.put(key, file);
            }
            file.positions().set(Math.toIntExact(row.position()));
        }
    }

    @Override
    public CompletableFuture<Collection<Slice>> finish()
    {
        List<Slice> fragments = new ArrayList<>();
        for (Slice inserted : insertSink.finish().join()) {
            DataFileFragment file = DeltaJson.fromFragment(inserted, DataFileFragment.class);
            fragments.add(fragment(MergeFragment.inserted(file.table(), file.add())));
        }
        deletions.forEach((file, deleted) -> fragments.add(fragment(rewrite(file, deleted))));
        return CompletableFuture.completedFuture(fragments);
    }

    private MergeFragment rewrite(FileOfTable file, FileDeletions deleted)
    {
        TableStorage table = tables.byKey(file.table());
        Location source = DeltaLogFiles.dataFile(table.tableRoot(), file.path());
        try {
            Optional<AddFile> rewritten = rewriter.rewrite(fileSystems.fileSystem(table.backend()), table.tableRoot(), source, deleted.fileSize(), deleted.partition(), deleted.positions());
            rewritten.ifPresent(add -> rewrittenFiles.add(new DataFileFragment(file.table(), add)));
            return MergeFragment.rewrite(file.table(), file.path(), rewritten);
        }
        catch (IOException e) {
            throw storageError("rewrite a data file without its deleted rows", source, e);
        }
    }

    private static Slice fragment(MergeFragment fragment)
    {
        return Slices.utf8Slice(DeltaJson.toJson(fragment));
    }

    @Override
    public void abort()
    {
        insertSink.abort();
        UncommittedDataFiles.delete(rewrittenFiles, tables, fileSystems);
        rewrittenFiles.clear();
    }
}

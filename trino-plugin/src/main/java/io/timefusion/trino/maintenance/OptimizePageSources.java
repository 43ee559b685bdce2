package io.timefusion.trino.maintenance;

import com.google.inject.Inject;
import io.airlift.slice.Slices;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.FileSystems;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorPageSource;

import java.nio.file.Path;
import java.util.List;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.trino.spi.predicate.Utils.nativeValueToBlock;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/** Creates the page source of an {@link OptimizeSplit} on the worker that runs it. */
public class OptimizePageSources
{
    private final FileSystems fileSystems;
    private final ProjectTables tables;
    private final SortLayout layout;
    private final long sortBufferBytes;
    private final Path spillDirectory;

    @Inject
    public OptimizePageSources(FileSystems fileSystems, ProjectTables tables, OtelLogsAndSpansTable table, TimeFusionConfig config)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.layout = new SortLayout(table);
        this.sortBufferBytes = config.getOptimizeSortBufferSize().toBytes();
        this.spillDirectory = Path.of(config.getOptimizeSpillPath());
    }

    public ConnectorPageSource create(OptimizeSplit split, List<TimeFusionColumnHandle> columns)
    {
        List<String> dataNames = layout.dataColumns().stream().map(TableColumn::name).toList();
        int[] dataChannels = new int[columns.size()];
        Block[] constants = new Block[columns.size()];
        for (int channel = 0; channel < columns.size(); channel++) {
            String name = columns.get(channel).name();
            if (OtelLogsAndSpansTable.isPartitionColumn(name)) {
                dataChannels[channel] = -1;
                constants[channel] = name.equals(PROJECT_ID)
                        ? nativeValueToBlock(VARCHAR, Slices.utf8Slice(split.projectId()))
                        : nativeValueToBlock(DATE, split.epochDay());
            }
            else {
                dataChannels[channel] = dataNames.indexOf(name);
            }
        }
        return new OptimizePageSource(fileSystems.fileSystem(tables.byKey(split.table()).backend()), split.inputs(), layout, sortBufferBytes, spillDirectory, dataChannels, constants);
    }
}

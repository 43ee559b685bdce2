package io.timefusion.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.delta.DeltaLogFiles;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.delta.DeltaSnapshots;
import io.timefusion.trino.parquet.ParquetFileReader;
import io.timefusion.trino.parquet.ParquetFileReader.RequestedColumn;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.trino.filesystem.Location;
import io.trino.filesystem.local.LocalFileSystem;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.LongTimestampWithTimeZone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;

/**
 * The default table of a local data directory as the tests inspect it, independently of the connector under test:
 * its latest snapshot read afresh, its data files on disk, their timestamps in file order.
 */
public final class TableFiles
        implements AutoCloseable
{
    private final Path dataDirectory;
    private final FileSystems fileSystems = new FileSystems(OpenTelemetry.noop());
    private final TableStorage table;

    public TableFiles(Path dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        this.table = new DefaultTableStorage(new TimeFusionConfig().setDataDirectory(dataDirectory.toString())).get();
    }

    public DeltaSnapshot snapshot()
    {
        // a fresh cache each time: what a newly started node would read
        return new DeltaSnapshots(fileSystems, new TimeFusionConfig()).latest(table);
    }

    public List<AddFile> liveFiles(String projectId, String date)
    {
        return snapshot().liveFiles().stream()
                .filter(file -> file.partitionValues().equals(Map.of("project_id", projectId, "date", date)))
                .toList();
    }

    public Path path(String addPath)
    {
        return dataDirectory.resolve(DeltaLogFiles.dataFile(table.tableRoot(), addPath).path());
    }

    public Path partitionDirectory(String projectId, String date)
    {
        return dataDirectory.resolve(table.tableRoot().path()).resolve("project_id=" + projectId).resolve("date=" + date);
    }

    /** The commit JSON of a version, as a tree per action line. */
    public List<JsonNode> commit(long version)
            throws IOException
    {
        Path file = dataDirectory.resolve(DeltaLogFiles.commit(table, version).path());
        List<JsonNode> actions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            actions.add(DeltaJson.readTree(line));
        }
        return actions;
    }

    /** The timestamps of a data file as epoch microseconds, in the order the file holds its rows. */
    public List<Long> timestampsInFileOrder(String addPath)
            throws IOException
    {
        Path file = path(addPath);
        List<Long> timestamps = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(
                new LocalFileSystem(file.getParent()).newInputFile(Location.of("local:///" + file.getFileName())),
                List.of(new RequestedColumn("timestamp", TIMESTAMP_TZ_MICROS)), TupleDomain.all(), newSimpleAggregatedMemoryContext())) {
            for (Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
                Block block = page.getBlock(0);
                for (int position = 0; position < page.getPositionCount(); position++) {
                    timestamps.add(StoredTimestamps.epochMicros((LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(block, position)));
                }
            }
        }
        return timestamps;
    }

    @Override
    public void close()
    {
        fileSystems.close();
    }
}

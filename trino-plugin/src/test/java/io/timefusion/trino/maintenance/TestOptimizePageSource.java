package io.timefusion.trino.maintenance;

import io.airlift.slice.Slices;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.timefusion.trino.write.PartitionKey;
import io.timefusion.trino.write.StreamingDataFile;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.trino.filesystem.Location;
import io.trino.filesystem.local.LocalFileSystem;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.Block;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.Type;
import io.trino.type.JsonType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.trino.spi.predicate.Utils.nativeValueToBlock;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows OPTIMIZE's page source returns for unsorted inputs with duplicates: sorted newest first, each (timestamp, id)
 * once as its last write, the same whether the partition fits the sort buffer or is spilled in runs and merged.
 */
class TestOptimizePageSource
{
    private static final OtelLogsAndSpansTable TABLE = new OtelLogsAndSpansTable(JsonType.JSON);
    private static final long EPOCH_DAY = 20_513;
    private static final long DAY_START_MICROS = EPOCH_DAY * 86_400_000_000L;

    @TempDir
    Path tableDirectory;
    @TempDir
    Path spillDirectory;

    private record Row(long micros, String id, String body) {}

    @Test
    void rowsComeSortedNewestFirstWithTheLastWriteOfEachDuplicate()
            throws IOException
    {
        List<List<Row>> inputs = randomInputs(3, 200, 42);

        List<Row> output = readAll(write(inputs), Long.MAX_VALUE).rows();

        assertThat(output).isEqualTo(expected(inputs));
    }

    @Test
    void aPartitionLargerThanTheSortBufferIsSpilledInRunsAndMergedToTheSameRows()
            throws IOException
    {
        // enough pages that the runs are merged in two passes (more than 64 at once)
        List<List<Row>> inputs = randomInputs(12, 200, 7);
        List<OptimizeSplit.Input> files = write(inputs);

        Result inMemory = readAll(files, Long.MAX_VALUE);
        Result spilled = readAll(files, 1);

        assertThat(spilled.rows()).isEqualTo(expected(inputs)).isEqualTo(inMemory.rows());
        assertThat(spilled.peakMemory()).isLessThan(inMemory.peakMemory() / 4);
        try (Stream<Path> leftovers = Files.list(spillDirectory)) {
            assertThat(leftovers).as("spilled runs are deleted").isEmpty();
        }
    }

    /** Rows with duplicates inside a file, across files, and rows sharing a timestamp but not an id. */
    private static List<List<Row>> randomInputs(int fileCount, int rowsPerFile, long seed)
    {
        Random random = new Random(seed);
        List<List<Row>> files = new ArrayList<>();
        for (int file = 0; file < fileCount; file++) {
            List<Row> rows = new ArrayList<>();
            for (int row = 0; row < rowsPerFile; row++) {
                long micros = DAY_START_MICROS + random.nextInt(300) * 1_000_000L;
                rows.add(new Row(micros, "id-" + random.nextInt(4), "file %d row %d".formatted(file, row)));
            }
            files.add(rows);
        }
        return files;
    }

    /** The last write of each (timestamp, id): a later file beats an earlier one, a later row of a file an earlier one. */
    private static List<Row> expected(List<List<Row>> inputs)
    {
        Map<String, Row> last = new LinkedHashMap<>();
        for (List<Row> file : inputs) {
            for (Row row : file) {
                last.put(row.micros() + "/" + row.id(), row);
            }
        }
        return last.values().stream()
                .sorted(Comparator.comparingLong(Row::micros).reversed().thenComparing(Row::id))
                .toList();
    }

    private List<OptimizeSplit.Input> write(List<List<Row>> inputs)
            throws IOException
    {
        LocalFileSystem fileSystem = new LocalFileSystem(tableDirectory);
        List<TableColumn> dataColumns = TABLE.dataColumns();
        List<String> names = dataColumns.stream().map(TableColumn::name).toList();
        List<OptimizeSplit.Input> files = new ArrayList<>();
        for (List<Row> rows : inputs) {
            PageBuilder page = new PageBuilder(dataColumns.stream().map(TableColumn::type).toList());
            for (Row row : rows) {
                page.declarePosition();
                for (int channel = 0; channel < dataColumns.size(); channel++) {
                    Type type = dataColumns.get(channel).type();
                    switch (names.get(channel)) {
                        case "timestamp" -> type.writeObject(page.getBlockBuilder(channel), LongTimestampWithTimeZone.fromEpochMillisAndFraction(
                                Math.floorDiv(row.micros(), 1000), (int) Math.floorMod(row.micros(), 1000) * 1_000_000, UTC_KEY));
                        case "id" -> VARCHAR.writeSlice(page.getBlockBuilder(channel), Slices.utf8Slice(row.id()));
                        case "body" -> type.writeSlice(page.getBlockBuilder(channel), Slices.utf8Slice(row.body()));
                        default -> page.getBlockBuilder(channel).appendNull();
                    }
                }
            }
            StreamingDataFile file = StreamingDataFile.create(fileSystem, Location.of("local:///table"), new PartitionKey("p", EPOCH_DAY), TABLE, 1 << 20);
            file.append(page.build());
            files.add(new OptimizeSplit.Input(file.location().toString(), file.finish().size()));
        }
        return files;
    }

    private record Result(List<Row> rows, long peakMemory) {}

    private Result readAll(List<OptimizeSplit.Input> inputs, long sortBufferBytes)
            throws IOException
    {
        // the engine's columns: some data columns and both partition columns, in an order of its own
        int[] dataChannels = {TABLE.dataColumns().indexOf(TABLE.column("body")), -1, TABLE.dataColumns().indexOf(TABLE.column("id")),
                TABLE.dataColumns().indexOf(TABLE.column("timestamp")), -1};
        Block[] constants = {null, nativeValueToBlock(VARCHAR, Slices.utf8Slice("p")), null, null, nativeValueToBlock(DATE, EPOCH_DAY)};
        List<Row> rows = new ArrayList<>();
        long peakMemory = 0;
        try (OptimizePageSource source = new OptimizePageSource(new LocalFileSystem(tableDirectory), inputs, new SortLayout(TABLE), sortBufferBytes, spillDirectory,
                dataChannels, constants)) {
            while (!source.isFinished()) {
                SourcePage page = source.getNextSourcePage();
                peakMemory = Math.max(peakMemory, source.getMemoryUsage());
                if (page == null) {
                    continue;
                }
                Page loaded = page.getPage();
                for (int position = 0; position < loaded.getPositionCount(); position++) {
                    assertThat(VARCHAR.getSlice(loaded.getBlock(1), position).toStringUtf8()).isEqualTo("p");
                    assertThat(DATE.getLong(loaded.getBlock(4), position)).isEqualTo(EPOCH_DAY);
                    long micros = StoredTimestamps.epochMicros(
                            (LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(loaded.getBlock(3), position));
                    rows.add(new Row(micros, VARCHAR.getSlice(loaded.getBlock(2), position).toStringUtf8(), VARCHAR.getSlice(loaded.getBlock(0), position).toStringUtf8()));
                }
            }
        }
        return new Result(rows, peakMemory);
    }
}

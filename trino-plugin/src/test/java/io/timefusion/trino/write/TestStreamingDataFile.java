package io.timefusion.trino.write;

import io.airlift.slice.Slices;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoInputStream;
import io.trino.filesystem.local.LocalFileSystem;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.type.JsonType;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/** The layout of a data file that readers rely on. */
class TestStreamingDataFile
{
    private static final OtelLogsAndSpansTable TABLE = new OtelLogsAndSpansTable(JsonType.JSON);
    private static final long EPOCH_DAY = 20_513;
    private static final int ROWS = 30_000;

    @TempDir
    Path directory;

    @Test
    void everyDataPageHoldsAtMostPageRowsRowsSoThatAFewRowsDecompressOnePagePerColumn()
            throws IOException
    {
        LocalFileSystem fileSystem = new LocalFileSystem(directory);
        StreamingDataFile file = StreamingDataFile.create(fileSystem, Location.of("local:///table"), new PartitionKey("p", EPOCH_DAY), TABLE, 1L << 30);
        file.append(rowsWithRandomIds());
        file.finish();
        byte[] bytes;
        try (TrinoInputStream input = fileSystem.newInputFile(file.location()).newStream()) {
            bytes = input.readAllBytes();
        }

        FileMetaData footer = footer(bytes);
        assertThat(footer.getRow_groups()).as("one row group: the pages, not the row groups, bound what a few rows cost").hasSize(1);
        // 32-character ids: Trino's default 1 MB page would hold some 30,000 of them
        List<Integer> idPages = dataPageRows(bytes, column(footer.getRow_groups().getFirst(), "id"));
        assertThat(idPages).hasSizeGreaterThanOrEqualTo(ROWS / StreamingDataFile.PAGE_ROWS).allMatch(rows -> rows <= StreamingDataFile.PAGE_ROWS);
        assertThat(idPages.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROWS);
    }

    private static Page rowsWithRandomIds()
    {
        List<TableColumn> columns = TABLE.dataColumns();
        PageBuilder page = new PageBuilder(columns.stream().map(TableColumn::type).toList());
        Random random = new Random(16);
        byte[] id = new byte[16];
        for (int row = 0; row < ROWS; row++) {
            page.declarePosition();
            random.nextBytes(id);
            for (int channel = 0; channel < columns.size(); channel++) {
                TableColumn column = columns.get(channel);
                switch (column.name()) {
                    case "timestamp" -> column.type().writeObject(page.getBlockBuilder(channel),
                            LongTimestampWithTimeZone.fromEpochMillisAndFraction(EPOCH_DAY * 86_400_000L + ROWS - row, 0, UTC_KEY));
                    case "id" -> VARCHAR.writeSlice(page.getBlockBuilder(channel), Slices.utf8Slice(HexFormat.of().formatHex(id)));
                    default -> page.getBlockBuilder(channel).appendNull();
                }
            }
        }
        return page.build();
    }

    /** The Thrift footer: its length and the magic number end the file. */
    private static FileMetaData footer(byte[] file)
            throws IOException
    {
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
    }

    private static ColumnMetaData column(RowGroup rowGroup, String name)
    {
        return rowGroup.getColumns().stream()
                .map(chunk -> chunk.getMeta_data())
                .filter(chunk -> chunk.getPath_in_schema().equals(List.of(name)))
                .findFirst()
                .orElseThrow();
    }

    /** The rows of each data page of a column chunk, read from the page headers. */
    private static List<Integer> dataPageRows(byte[] file, ColumnMetaData chunk)
            throws IOException
    {
        long start = chunk.isSetDictionary_page_offset() ? Math.min(chunk.getDictionary_page_offset(), chunk.getData_page_offset()) : chunk.getData_page_offset();
        ByteArrayInputStream pages = new ByteArrayInputStream(file, (int) start, (int) chunk.getTotal_compressed_size());
        List<Integer> rows = new ArrayList<>();
        while (pages.available() > 0) {
            PageHeader header = Util.readPageHeader(pages);
            if (header.getType() == PageType.DATA_PAGE) {
                rows.add(header.getData_page_header().getNum_values());
            }
            else if (header.getType() == PageType.DATA_PAGE_V2) {
                rows.add(header.getData_page_header_v2().getNum_rows());
            }
            pages.skipNBytes(header.getCompressed_page_size());
        }
        return rows;
    }
}

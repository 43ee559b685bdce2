package io.timefusion.trino.read;

import io.trino.spi.connector.ConnectorSplit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How the files of a scan become splits: groups of about equal bytes, a file alone as its own split, a large file as byte ranges. */
class TestFileGroupSplit
{
    @Test
    void filesAreSpreadOverTheGroupsByBytesLargestFirst()
    {
        List<FileGroupSplit.File> files = LongStream.of(10, 40, 50, 30, 20, 60).mapToObj(TestFileGroupSplit::file).toList();

        List<ConnectorSplit> splits = FileGroupSplit.grouped(files, 3);

        assertThat(splits).hasSize(3).allSatisfy(split -> assertThat(split).isInstanceOf(FileGroupSplit.class));
        assertThat(splits.stream().mapToLong(TestFileGroupSplit::bytes).sorted().toArray()).containsExactly(70, 70, 70);
        assertThat(splits.stream().mapToInt(split -> ((FileGroupSplit) split).files().size()).sum()).isEqualTo(files.size());
        assertThat(splits).allSatisfy(split -> assertThat(((FileGroupSplit) split).topN()).isEmpty());
    }

    @Test
    void noMoreFilesThanGroupsAreEachTheirOwnSplit()
    {
        List<FileGroupSplit.File> files = LongStream.of(5, 7).mapToObj(TestFileGroupSplit::file).toList();

        assertThat(FileGroupSplit.grouped(files, 4)).containsExactly(files.get(0).split(), files.get(1).split());
    }

    @Test
    void aTopNReadsNewestFirstAndAFileWithoutStatisticsBeforeAll()
    {
        FileGroupSplit.File older = new FileGroupSplit.File(split(1), new FileTimeRange(100, 200));
        FileGroupSplit.File newer = new FileGroupSplit.File(split(2), new FileTimeRange(150, 300));
        FileGroupSplit.File unknown = new FileGroupSplit.File(split(3), FileTimeRange.UNKNOWN);

        assertThat(FileGroupSplit.inTopNOrder(List.of(older, newer, unknown), new TopNScan(10, true)).files()).containsExactly(unknown, newer, older);
        assertThat(FileGroupSplit.inTopNOrder(List.of(newer, unknown, older), new TopNScan(10, false)).files()).containsExactly(unknown, older, newer);
    }

    @Test
    void aLargeFileIsSplitIntoByteRangesThatCoverItOnce()
    {
        assertThat(split(300).ranges(128)).extracting(TimeFusionSplit::start, TimeFusionSplit::length)
                .containsExactly(tuple(0L, 128L), tuple(128L, 128L), tuple(256L, 44L));
        assertThat(split(256).ranges(128)).extracting(TimeFusionSplit::start, TimeFusionSplit::length)
                .containsExactly(tuple(0L, 128L), tuple(128L, 128L));
    }

    private static long bytes(ConnectorSplit split)
    {
        return ((FileGroupSplit) split).files().stream().mapToLong(file -> file.split().fileSize()).sum();
    }

    private static FileGroupSplit.File file(long size)
    {
        return new FileGroupSplit.File(split(size), FileTimeRange.UNKNOWN);
    }

    private static TimeFusionSplit split(long size)
    {
        return new TimeFusionSplit("default", "local:///data/file-" + size + ".parquet", "file-" + size + ".parquet", size, "p1", 20_000);
    }
}

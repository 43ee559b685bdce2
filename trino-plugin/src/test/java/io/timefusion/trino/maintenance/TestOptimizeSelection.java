package io.timefusion.trino.maintenance;

import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.FileTags;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which files of a partition OPTIMIZE picks: a run of small or unsorted files that is contiguous in write order. */
class TestOptimizeSelection
{
    private static final long THRESHOLD = 1000;

    @Test
    void allSmallFilesAreOneRunInWriteOrder()
    {
        List<AddFile> files = List.of(small("c", 3), small("a", 1), small("b", 2));

        assertThat(paths(OptimizeSelection.select(files, THRESHOLD))).containsExactly("a", "b", "c");
        assertThat(OptimizeSelection.writeVersion(OptimizeSelection.select(files, THRESHOLD))).isEqualTo(3);
    }

    @Test
    void aRunNeverSkipsALargeFileWrittenBetweenItsFiles()
    {
        List<AddFile> files = List.of(small("a", 1), small("b", 2), large("big", 3), small("c", 4), small("d", 5), small("e", 6));

        assertThat(paths(OptimizeSelection.select(files, THRESHOLD))).containsExactly("c", "d", "e");
    }

    @Test
    void ofEquallyLongRunsTheNewestIsTaken()
    {
        List<AddFile> files = List.of(small("a", 1), small("b", 2), large("big", 3), small("c", 4), small("d", 5));

        assertThat(paths(OptimizeSelection.select(files, THRESHOLD))).containsExactly("c", "d");
    }

    @Test
    void theSmallRemainderOfAnEarlierOptimizeJoinsTheFilesWrittenAfterIt()
    {
        // one OPTIMIZE wrote full files and a small last one, all with the write version of its newest input
        List<AddFile> files = List.of(small("remainder", 9), large("full-1", 9), large("full-2", 9), small("later-1", 10), small("later-2", 11));

        assertThat(paths(OptimizeSelection.select(files, THRESHOLD))).containsExactly("remainder", "later-1", "later-2");
    }

    @Test
    void oneSmallSortedFileAloneIsLeftAsItIs()
    {
        assertThat(OptimizeSelection.select(List.of(large("big", 1), small("a", 2)), THRESHOLD)).isEmpty();
        assertThat(OptimizeSelection.select(List.of(large("big-1", 1), large("big-2", 2)), THRESHOLD)).isEmpty();
    }

    @Test
    void anUnsortedFileIsRewrittenWhateverItsSize()
    {
        AddFile unsorted = new AddFile("foreign", Map.of(), 50_000, 0, true, null, Map.of(FileTags.WRITE_VERSION, "4"));

        assertThat(paths(OptimizeSelection.select(List.of(large("big", 1), unsorted), THRESHOLD))).containsExactly("foreign");
    }

    @Test
    void filesWithoutAWriteVersionCountAsTheOldest()
    {
        AddFile untagged = new AddFile("untagged", Map.of(), 10, 0, true, null, Map.of(FileTags.SORTED_BY, FileTags.TIMESTAMP_DESCENDING));

        assertThat(paths(OptimizeSelection.select(List.of(small("a", 0), untagged), THRESHOLD))).containsExactly("untagged", "a");
    }

    private static AddFile small(String path, long writeVersion)
    {
        return file(path, 100, writeVersion);
    }

    private static AddFile large(String path, long writeVersion)
    {
        return file(path, 10_000, writeVersion);
    }

    private static AddFile file(String path, long size, long writeVersion)
    {
        Map<String, String> tags = new HashMap<>();
        tags.put(FileTags.WRITE_VERSION, Long.toString(writeVersion));
        tags.put(FileTags.SORTED_BY, FileTags.TIMESTAMP_DESCENDING);
        return new AddFile(path, Map.of(), size, 0, true, null, tags);
    }

    private static List<String> paths(List<AddFile> files)
    {
        return files.stream().map(AddFile::path).toList();
    }
}

package io.timefusion.trino.maintenance;

import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.FileTags;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which files of one partition OPTIMIZE rewrites: small files (below the threshold) and unsorted ones, and only a run
 * of them that is contiguous in write order. Files are ordered by {@link FileTags#WRITE_VERSION}; a run may not skip a
 * file it leaves alone, because the merged file takes the newest write version of its inputs: were a skipped file
 * written between two inputs, the merged rows would look newer than that file's rows, and the next OPTIMIZE would
 * keep the wrong one of two duplicates. Among files of equal write version (one commit, or one earlier OPTIMIZE, whose
 * outputs share no rows) the ones left alone come first, so the small remainder of an earlier OPTIMIZE joins the files
 * written after it. When a partition has several runs, the longest is taken (the newest of equally long ones); the
 * next OPTIMIZE takes the next.
 */
public final class OptimizeSelection
{
    private OptimizeSelection() {}

    /** The files of one partition to rewrite together, oldest write first; empty when rewriting would gain nothing. */
    public static List<AddFile> select(Collection<AddFile> partitionFiles, long fileSizeThreshold)
    {
        List<AddFile> ordered = inWriteOrder(partitionFiles, fileSizeThreshold);
        int bestStart = 0;
        int bestLength = 0;
        int runStart = 0;
        for (int i = 0; i < ordered.size(); i++) {
            if (!isRewritable(ordered.get(i), fileSizeThreshold)) {
                runStart = i + 1;
            }
            else if (i + 1 - runStart >= bestLength) {
                bestStart = runStart;
                bestLength = i + 1 - runStart;
            }
        }
        List<AddFile> best = ordered.subList(bestStart, bestStart + bestLength);
        // one small sorted file alone is already what a rewrite would make of it
        boolean worthIt = best.size() >= 2 || (best.size() == 1 && !FileTags.isSortedByTimestampDescending(best.getFirst()));
        return worthIt ? List.copyOf(best) : List.of();
    }

    /** Small or unsorted: what OPTIMIZE picks. */
    public static boolean isRewritable(AddFile file, long fileSizeThreshold)
    {
        return file.size() < fileSizeThreshold || !FileTags.isSortedByTimestampDescending(file);
    }

    /** The write version the merged files of {@code inputs} carry: the newest of theirs. */
    public static long writeVersion(List<AddFile> inputs)
    {
        return inputs.stream().mapToLong(FileTags::writeVersion).max().orElse(FileTags.UNKNOWN_WRITE_VERSION);
    }

    private static List<AddFile> inWriteOrder(Collection<AddFile> files, long fileSizeThreshold)
    {
        return files.stream()
                .sorted(Comparator.comparingLong(FileTags::writeVersion)
                        .thenComparing(file -> isRewritable(file, fileSizeThreshold))
                        .thenComparing(AddFile::path))
                .toList();
    }
}

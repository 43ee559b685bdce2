package io.timefusion.trino.delta;

import io.timefusion.trino.delta.DeltaActions.AddFile;

/**
 * What TimeFusion records about a data file in the {@code tags} of its add action (Delta readers ignore tags they do
 * not know): where its rows stand in the log's order, and whether its rows are sorted as TimeFusion writes them.
 * OPTIMIZE relies on both: it picks unsorted files, and it keeps the last written of two duplicate rows.
 */
public final class FileTags
{
    /**
     * The version of the newest commit whose rows the file holds. For an appended file it is the version that added it
     * (filled in when the log is replayed); for a file OPTIMIZE wrote, the newest write version among the files it
     * merged, so a rewrite never makes rows look newer than rows written after them.
     */
    public static final String WRITE_VERSION = "timefusion.writeVersion";
    /** Present on files whose rows are sorted by timestamp, newest first (what every TimeFusion writer produces). */
    public static final String SORTED_BY = "timefusion.sortedBy";
    public static final String TIMESTAMP_DESCENDING = "timestamp DESC";

    /** Files whose write version is not known (written by others and read from a checkpoint) count as older than all others. */
    public static final long UNKNOWN_WRITE_VERSION = -1;

    private FileTags() {}

    public static long writeVersion(AddFile file)
    {
        String value = file.tags().get(WRITE_VERSION);
        if (value == null) {
            return UNKNOWN_WRITE_VERSION;
        }
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            // another writer's tag of the same name: no order we can rely on
            return UNKNOWN_WRITE_VERSION;
        }
    }

    public static boolean isSortedByTimestampDescending(AddFile file)
    {
        return TIMESTAMP_DESCENDING.equals(file.tags().get(SORTED_BY));
    }
}

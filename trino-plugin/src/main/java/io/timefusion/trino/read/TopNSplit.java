package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ConnectorSplit;

import java.util.Comparator;
import java.util.List;

import static io.airlift.slice.SizeOf.estimatedSizeOf;
import static io.airlift.slice.SizeOf.instanceSize;

/**
 * The data files of a scan with {@code ORDER BY timestamp LIMIT n} ({@link TopNScan}), in the order they are read:
 * descending by the latest timestamp they can hold (ascending by the earliest, for ASC), so that one reader can stop
 * at the first file that cannot hold a row among the n.
 */
public record TopNSplit(
        @JsonProperty("files") List<File> files,
        @JsonProperty("topN") TopNScan topN)
        implements ConnectorSplit
{
    private static final int INSTANCE_SIZE = instanceSize(TopNSplit.class);

    public record File(
            @JsonProperty("split") TimeFusionSplit split,
            @JsonProperty("timeRange") FileTimeRange timeRange)
    {
        /** The file's bound in the order of the scan: its latest timestamp, or for ASC its earliest negated. */
        long orderBound(boolean descending)
        {
            return descending ? timeRange.toMicros() : negate(timeRange.fromMicros());
        }
    }

    @JsonCreator
    public TopNSplit
    {
        files = List.copyOf(files);
    }

    public static TopNSplit inReadingOrder(List<File> files, TopNScan topN)
    {
        return new TopNSplit(files.stream().sorted(Comparator.comparingLong((File file) -> file.orderBound(topN.descending())).reversed()).toList(), topN);
    }

    /** The timestamp as a key that is larger for rows nearer the head of the scan's order. */
    static long orderKey(long micros, boolean descending)
    {
        return descending ? micros : negate(micros);
    }

    // Long.MIN_VALUE has no negation: it stands for "unbounded" and becomes the largest key
    private static long negate(long micros)
    {
        return micros == Long.MIN_VALUE ? Long.MAX_VALUE : -micros;
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE + estimatedSizeOf(files, file -> file.split().getRetainedSizeInBytes() + Long.BYTES * 2);
    }
}

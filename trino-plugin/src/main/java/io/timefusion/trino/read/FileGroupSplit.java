package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ConnectorSplit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import static io.airlift.slice.SizeOf.estimatedSizeOf;
import static io.airlift.slice.SizeOf.instanceSize;
import static java.util.Objects.requireNonNull;

/**
 * Several data files read one after the other by one reader: small files grouped so that a scan is a few splits
 * rather than one task step per file, or for {@code ORDER BY timestamp LIMIT n} ({@link TopNScan}) every file of the
 * scan in reading order — descending by the latest timestamp each can hold (ascending by the earliest, for ASC) — so
 * that the reader can stop at the first file that cannot hold a row among the n.
 */
public record FileGroupSplit(
        @JsonProperty("files") List<File> files,
        @JsonProperty("topN") Optional<TopNScan> topN)
        implements ConnectorSplit
{
    private static final int INSTANCE_SIZE = instanceSize(FileGroupSplit.class);

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
    public FileGroupSplit
    {
        files = List.copyOf(files);
        requireNonNull(topN, "topN is null");
    }

    public static FileGroupSplit inTopNOrder(List<File> files, TopNScan topN)
    {
        return new FileGroupSplit(files.stream().sorted(Comparator.comparingLong((File file) -> file.orderBound(topN.descending())).reversed()).toList(), Optional.of(topN));
    }

    /**
     * The files as at least {@code groups} splits of about equal bytes (the largest file first into the lightest
     * group), a file alone as its own {@link TimeFusionSplit}.
     */
    public static List<ConnectorSplit> grouped(List<File> files, int groups)
    {
        if (files.size() <= groups) {
            return files.stream().map(file -> (ConnectorSplit) file.split()).toList();
        }
        PriorityQueue<Group> lightestFirst = new PriorityQueue<>(Comparator.comparingLong(Group::bytes));
        for (int i = 0; i < groups; i++) {
            lightestFirst.add(new Group(new ArrayList<>(), 0));
        }
        files.stream()
                .sorted(Comparator.comparingLong((File file) -> file.split().fileSize()).reversed())
                .forEach(file -> {
                    Group lightest = lightestFirst.poll();
                    lightest.files().add(file);
                    lightestFirst.add(new Group(lightest.files(), lightest.bytes() + file.split().fileSize()));
                });
        return lightestFirst.stream()
                .<ConnectorSplit>map(group -> group.files().size() == 1 ? group.files().getFirst().split() : new FileGroupSplit(group.files(), Optional.empty()))
                .toList();
    }

    private record Group(List<File> files, long bytes) {}

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

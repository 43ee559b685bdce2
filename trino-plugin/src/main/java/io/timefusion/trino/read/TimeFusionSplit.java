package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ConnectorSplit;

import java.util.ArrayList;
import java.util.List;

import static io.airlift.slice.SizeOf.estimatedSizeOf;
import static io.airlift.slice.SizeOf.instanceSize;
import static java.util.Objects.requireNonNull;

/**
 * One Parquet data file, or the row groups of it that start in a byte range: the table it belongs to (see
 * ProjectTables), its location, its path as the Delta log names it (for the row ids of UPDATE, DELETE and MERGE), the
 * partition values its rows share, and the range ({@code start}, {@code length}; the whole file: 0 and its size).
 */
public record TimeFusionSplit(
        @JsonProperty("table") String table,
        @JsonProperty("path") String path,
        @JsonProperty("deltaPath") String deltaPath,
        @JsonProperty("fileSize") long fileSize,
        @JsonProperty("projectId") String projectId,
        @JsonProperty("epochDay") long epochDay,
        @JsonProperty("start") long start,
        @JsonProperty("length") long length)
        implements ConnectorSplit
{
    private static final int INSTANCE_SIZE = instanceSize(TimeFusionSplit.class);

    @JsonCreator
    public TimeFusionSplit
    {
        requireNonNull(table, "table is null");
        requireNonNull(path, "path is null");
        requireNonNull(deltaPath, "deltaPath is null");
        requireNonNull(projectId, "projectId is null");
    }

    /** The whole file. */
    public TimeFusionSplit(String table, String path, String deltaPath, long fileSize, String projectId, long epochDay)
    {
        this(table, path, deltaPath, fileSize, projectId, epochDay, 0, fileSize);
    }

    /** The file as splits of at most {@code maxLength} bytes each: a row group is read by the one whose range holds its start. */
    public List<TimeFusionSplit> ranges(long maxLength)
    {
        List<TimeFusionSplit> ranges = new ArrayList<>();
        for (long rangeStart = start; rangeStart < start + length; rangeStart += maxLength) {
            ranges.add(new TimeFusionSplit(table, path, deltaPath, fileSize, projectId, epochDay, rangeStart, Math.min(maxLength, start + length - rangeStart)));
        }
        return ranges;
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE + estimatedSizeOf(table) + estimatedSizeOf(path) + estimatedSizeOf(deltaPath) + estimatedSizeOf(projectId);
    }
}

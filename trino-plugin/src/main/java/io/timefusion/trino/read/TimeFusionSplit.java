package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ConnectorSplit;

import static io.airlift.slice.SizeOf.estimatedSizeOf;
import static io.airlift.slice.SizeOf.instanceSize;
import static java.util.Objects.requireNonNull;

/**
 * One Parquet data file: the table it belongs to (see ProjectTables), its location, its path as the Delta log names it
 * (for the row ids of UPDATE, DELETE and MERGE) and the partition values its rows share.
 */
public record TimeFusionSplit(
        @JsonProperty("table") String table,
        @JsonProperty("path") String path,
        @JsonProperty("deltaPath") String deltaPath,
        @JsonProperty("fileSize") long fileSize,
        @JsonProperty("projectId") String projectId,
        @JsonProperty("epochDay") long epochDay)
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

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE + estimatedSizeOf(table) + estimatedSizeOf(path) + estimatedSizeOf(deltaPath) + estimatedSizeOf(projectId);
    }
}

package io.timefusion.trino.maintenance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableList;
import io.trino.spi.connector.ConnectorSplit;

import java.util.List;

import static io.airlift.slice.SizeOf.estimatedSizeOf;
import static io.airlift.slice.SizeOf.instanceSize;
import static java.util.Objects.requireNonNull;

/**
 * The files of one partition that one OPTIMIZE task merges, in write order: a later input's row wins over an earlier
 * input's duplicate. One split per partition, so that every duplicate of a row meets its twin in one sort.
 */
public record OptimizeSplit(
        @JsonProperty("table") String table,
        @JsonProperty("projectId") String projectId,
        @JsonProperty("epochDay") long epochDay,
        @JsonProperty("inputs") List<Input> inputs)
        implements ConnectorSplit
{
    private static final int INSTANCE_SIZE = instanceSize(OptimizeSplit.class);

    /** A data file by its full location and size. */
    public record Input(@JsonProperty("path") String path, @JsonProperty("size") long size)
    {
        @JsonCreator
        public Input
        {
            requireNonNull(path, "path is null");
        }
    }

    @JsonCreator
    public OptimizeSplit
    {
        requireNonNull(table, "table is null");
        requireNonNull(projectId, "projectId is null");
        inputs = ImmutableList.copyOf(inputs);
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE + estimatedSizeOf(table) + estimatedSizeOf(projectId) + inputs.stream().mapToLong(input -> estimatedSizeOf(input.path()) + 16).sum();
    }
}

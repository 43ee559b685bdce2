package io.timefusion.trino.maintenance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableList;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.trino.spi.connector.ConnectorTableExecuteHandle;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * {@code ALTER TABLE otel_logs_and_spans EXECUTE optimize(file_size_threshold => …)}: the threshold below which files are
 * rewritten, and the table's columns in the order of the channels the page sinks receive (the table's order).
 */
public record OptimizeExecuteHandle(
        @JsonProperty("fileSizeThreshold") long fileSizeThreshold,
        @JsonProperty("columns") List<TimeFusionColumnHandle> columns)
        implements ConnectorTableExecuteHandle
{
    @JsonCreator
    public OptimizeExecuteHandle
    {
        checkArgument(fileSizeThreshold > 0, "fileSizeThreshold must be positive");
        columns = ImmutableList.copyOf(columns);
    }
}

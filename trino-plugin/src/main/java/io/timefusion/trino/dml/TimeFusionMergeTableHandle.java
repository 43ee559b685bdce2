package io.timefusion.trino.dml;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.trino.spi.connector.ConnectorMergeTableHandle;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** An UPDATE, DELETE or MERGE of otel_logs_and_spans: the scanned table and the columns of the rows its sinks receive. */
public record TimeFusionMergeTableHandle(
        @JsonProperty("table") TimeFusionTableHandle table,
        @JsonProperty("columns") List<TimeFusionColumnHandle> columns)
        implements ConnectorMergeTableHandle
{
    @JsonCreator
    public TimeFusionMergeTableHandle
    {
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
    }

    @Override
    public TimeFusionTableHandle getTableHandle()
    {
        return table;
    }
}

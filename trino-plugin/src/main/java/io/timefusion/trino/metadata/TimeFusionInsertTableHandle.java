package io.timefusion.trino.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableList;
import io.trino.spi.connector.ConnectorInsertTableHandle;

import java.util.List;

/** An INSERT into otel_logs_and_spans: the columns in the order of the channels of the pages the sinks receive. */
public record TimeFusionInsertTableHandle(@JsonProperty("columns") List<TimeFusionColumnHandle> columns)
        implements ConnectorInsertTableHandle
{
    @JsonCreator
    public TimeFusionInsertTableHandle
    {
        columns = ImmutableList.copyOf(columns);
    }
}

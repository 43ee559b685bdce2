package io.timefusion.trino.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/** A column of otel_logs_and_spans, by name and position in the table. */
public record TimeFusionColumnHandle(
        @JsonProperty("name") String name,
        @JsonProperty("type") Type type,
        @JsonProperty("ordinal") int ordinal)
        implements ColumnHandle
{
    @JsonCreator
    public TimeFusionColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}

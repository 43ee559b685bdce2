package io.timefusion.trino.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** otel_logs_and_spans with the predicate Trino pushed down, used to prune partitions, files and row groups. */
public record TimeFusionTableHandle(@JsonProperty("constraint") TupleDomain<TimeFusionColumnHandle> constraint)
        implements ConnectorTableHandle
{
    @JsonCreator
    public TimeFusionTableHandle
    {
        requireNonNull(constraint, "constraint is null");
    }

    @Override
    public String toString()
    {
        return OtelLogsAndSpansTable.NAME + (constraint.isAll() ? "" : " constraint on " + constraint.getDomains().map(domains -> domains.keySet().stream().map(TimeFusionColumnHandle::name).toList()).orElse(List.of()));
    }
}

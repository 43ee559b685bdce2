package io.timefusion.trino.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.timefusion.trino.maintenance.OptimizeScan;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * otel_logs_and_spans with the predicate Trino pushed down, used to prune partitions, files and row groups; for the
 * scan of an OPTIMIZE, what it rewrites.
 */
public record TimeFusionTableHandle(
        @JsonProperty("constraint") TupleDomain<TimeFusionColumnHandle> constraint,
        @JsonProperty("optimize") Optional<OptimizeScan> optimize)
        implements ConnectorTableHandle
{
    @JsonCreator
    public TimeFusionTableHandle
    {
        requireNonNull(constraint, "constraint is null");
        requireNonNull(optimize, "optimize is null");
    }

    public TimeFusionTableHandle(TupleDomain<TimeFusionColumnHandle> constraint)
    {
        this(constraint, Optional.empty());
    }

    public TimeFusionTableHandle withConstraint(TupleDomain<TimeFusionColumnHandle> newConstraint)
    {
        return new TimeFusionTableHandle(newConstraint, optimize);
    }

    public TimeFusionTableHandle forOptimize(OptimizeScan scan)
    {
        return new TimeFusionTableHandle(constraint, Optional.of(scan));
    }

    @Override
    public String toString()
    {
        return OtelLogsAndSpansTable.NAME
                + (constraint.isAll() ? "" : " constraint on " + constraint.getDomains().map(domains -> domains.keySet().stream().map(TimeFusionColumnHandle::name).toList()).orElse(List.of()))
                + optimize.map(scan -> " optimize below " + scan.fileSizeThreshold() + " bytes").orElse("");
    }
}

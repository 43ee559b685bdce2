package io.timefusion.trino.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.timefusion.trino.maintenance.OptimizeScan;
import io.timefusion.trino.read.LikeFilter;
import io.timefusion.trino.read.RowFilter;
import io.timefusion.trino.read.TimeBucketColumn;
import io.timefusion.trino.read.TopNScan;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * otel_logs_and_spans with the predicate Trino pushed down: the domains prune partitions, files and row groups, and
 * with the {@code LIKE} filters filter rows ({@link RowFilter}); an {@code ORDER BY timestamp LIMIT n} it was given
 * ({@link TopNScan}); for the scan of an OPTIMIZE, what it rewrites.
 */
public record TimeFusionTableHandle(
        @JsonProperty("constraint") TupleDomain<TimeFusionColumnHandle> constraint,
        @JsonProperty("likes") List<LikeFilter> likes,
        @JsonProperty("topN") Optional<TopNScan> topN,
        @JsonProperty("optimize") Optional<OptimizeScan> optimize,
        @JsonProperty("countPerBucket") Optional<TimeBucketColumn> countPerBucket)
        implements ConnectorTableHandle
{
    @JsonCreator
    public TimeFusionTableHandle
    {
        requireNonNull(constraint, "constraint is null");
        likes = List.copyOf(likes);
        requireNonNull(topN, "topN is null");
        requireNonNull(optimize, "optimize is null");
        requireNonNull(countPerBucket, "countPerBucket is null");
    }

    public TimeFusionTableHandle(TupleDomain<TimeFusionColumnHandle> constraint)
    {
        this(constraint, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TimeFusionTableHandle withFilter(TupleDomain<TimeFusionColumnHandle> newConstraint, List<LikeFilter> newLikes)
    {
        return new TimeFusionTableHandle(newConstraint, newLikes, topN, optimize, countPerBucket);
    }

    public TimeFusionTableHandle withTopN(TopNScan newTopN)
    {
        return new TimeFusionTableHandle(constraint, likes, Optional.of(newTopN), optimize, countPerBucket);
    }

    public TimeFusionTableHandle forOptimize(OptimizeScan scan)
    {
        return new TimeFusionTableHandle(constraint, likes, topN, Optional.of(scan), countPerBucket);
    }

    /** The scan returns {@code count(*)} per bucket instead of rows (see TimeBucketPushdown#applyAggregation). */
    public TimeFusionTableHandle withCountPerBucket(TimeBucketColumn bucket)
    {
        return new TimeFusionTableHandle(constraint, likes, topN, optimize, Optional.of(bucket));
    }

    /**
     * Whether the scan returns every row it reads as stored (not rows chosen for a TopN, not OPTIMIZE's, not counts):
     * only such a scan may take on a further filter, TopN, projection or aggregation.
     */
    public boolean readsRows()
    {
        return topN.isEmpty() && optimize.isEmpty() && countPerBucket.isEmpty();
    }

    /** Whether the predicate names partitions only (project_id, date), so that whole partitions answer it. */
    public boolean filtersPartitionsOnly()
    {
        return likes.isEmpty() && constraint.getDomains()
                .map(domains -> domains.keySet().stream().allMatch(column -> OtelLogsAndSpansTable.isPartitionColumn(column.name())))
                .orElse(true);
    }

    public RowFilter rowFilter()
    {
        return RowFilter.of(constraint, likes);
    }

    @Override
    public String toString()
    {
        List<String> filtered = Stream.concat(
                        constraint.getDomains().map(domains -> domains.keySet().stream().map(TimeFusionColumnHandle::name)).orElse(Stream.of()),
                        likes.stream().map(LikeFilter::toString))
                .toList();
        return OtelLogsAndSpansTable.NAME
                + (constraint.isNone() ? " constraint NONE" : filtered.isEmpty() ? "" : " constraint on " + filtered)
                + topN.map(scan -> " " + scan).orElse("")
                + optimize.map(scan -> " optimize below " + scan.fileSizeThreshold() + " bytes").orElse("")
                + countPerBucket.map(bucket -> " count(*) per " + bucket).orElse("");
    }
}

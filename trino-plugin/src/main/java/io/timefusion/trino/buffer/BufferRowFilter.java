package io.timefusion.trino.buffer;

import io.airlift.slice.Slice;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.trino.spi.block.Block;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.LongTimestampWithTimeZone;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static io.timefusion.trino.metadata.StoredTimestamps.epochDay;
import static io.timefusion.trino.metadata.StoredTimestamps.epochMicros;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The query's pushed-down predicate on partition columns as it applies to buffered rows. Files are pruned by their
 * partition values and the engine does not re-check project_id and date (the scan enforces them), so buffered rows
 * must be filtered here exactly by those two (the other columns' by the scan's RowFilter). It also yields the coarse
 * filters of the request: the projects and the timestamp bounds.
 */
final class BufferRowFilter
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final boolean none;
    private final Optional<Domain> projectDomain;
    private final Optional<Domain> dateDomain;
    private final Optional<Domain> timestampDomain;

    /** The rows of one batch that pass: their positions, and the UTC day of each (the {@code date} column). */
    record Selection(int[] positions, long[] epochDays, int count) {}

    BufferRowFilter(TupleDomain<TimeFusionColumnHandle> constraint)
    {
        this.none = constraint.isNone();
        Map<String, Domain> domains = constraint.getDomains()
                .map(map -> map.entrySet().stream().collect(Collectors.toMap(entry -> entry.getKey().name(), Map.Entry::getValue)))
                .orElse(Map.of());
        this.projectDomain = Optional.ofNullable(domains.get(PROJECT_ID));
        this.dateDomain = Optional.ofNullable(domains.get(DATE_COLUMN));
        this.timestampDomain = Optional.ofNullable(domains.get(TIMESTAMP));
    }

    /** No row can pass: nothing needs fetching. */
    boolean isNone()
    {
        return none;
    }

    /** The projects a row may belong to, if the predicate lists them (null in the request: any project). */
    Optional<List<String>> projects()
    {
        return projectDomain
                .filter(domain -> domain.getValues().isDiscreteSet())
                .map(domain -> domain.getValues().getDiscreteSet().stream().map(value -> ((Slice) value).toStringUtf8()).sorted().toList());
    }

    /** Inclusive lower bound of timestamp in epoch microseconds, from the timestamp and date predicates. */
    Optional<Long> fromMicros()
    {
        Optional<Long> fromTimestamp = timestampDomain.flatMap(BufferRowFilter::span)
                .flatMap(span -> span.getLowValue().map(value -> epochMicros((LongTimestampWithTimeZone) value)));
        Optional<Long> fromDate = dateDomain.flatMap(BufferRowFilter::span)
                .flatMap(span -> span.getLowValue().map(day -> (Long) day * MICROS_PER_DAY));
        return tighter(fromTimestamp, fromDate, Math::max);
    }

    /** Inclusive upper bound of timestamp in epoch microseconds, from the timestamp and date predicates. */
    Optional<Long> toMicros()
    {
        Optional<Long> toTimestamp = timestampDomain.flatMap(BufferRowFilter::span)
                .flatMap(span -> span.getHighValue().map(value -> epochMicros((LongTimestampWithTimeZone) value)));
        Optional<Long> toDate = dateDomain.flatMap(BufferRowFilter::span)
                .flatMap(span -> span.getHighValue().map(day -> ((Long) day + 1) * MICROS_PER_DAY - 1));
        return tighter(toTimestamp, toDate, Math::min);
    }

    /**
     * Of the given positions, the rows whose project_id and date the predicate accepts.
     *
     * @throws IllegalArgumentException for a row without timestamp or project_id, which no table row can be
     */
    Selection select(Block projects, Block timestamps, int[] candidates, int candidateCount)
    {
        int[] positions = new int[candidateCount];
        long[] epochDays = new long[candidateCount];
        int count = 0;
        for (int i = 0; i < candidateCount; i++) {
            int position = candidates[i];
            if (projects.isNull(position) || timestamps.isNull(position)) {
                throw new IllegalArgumentException("a buffered row has no " + (projects.isNull(position) ? PROJECT_ID : TIMESTAMP));
            }
            if (projectDomain.isPresent() && !projectDomain.get().includesNullableValue(VARCHAR.getSlice(projects, position))) {
                continue;
            }
            LongTimestampWithTimeZone timestamp = (LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(timestamps, position);
            long epochDay = epochDay(epochMicros(timestamp));
            if (dateDomain.isPresent() && !dateDomain.get().includesNullableValue(epochDay)) {
                continue;
            }
            positions[count] = position;
            epochDays[count] = epochDay;
            count++;
        }
        return new Selection(positions, epochDays, count);
    }

    private static Optional<Range> span(Domain domain)
    {
        return domain.getValues().isNone() || domain.getValues().isAll()
                ? Optional.empty()
                : Optional.of(domain.getValues().getRanges().getSpan());
    }

    private static Optional<Long> tighter(Optional<Long> first, Optional<Long> second, BinaryOperator<Long> pick)
    {
        if (first.isPresent() && second.isPresent()) {
            return Optional.of(pick.apply(first.get(), second.get()));
        }
        return first.or(() -> second);
    }

}

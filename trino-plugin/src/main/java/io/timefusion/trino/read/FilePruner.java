package io.timefusion.trino.read;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.BLOOM_FILTER_COLUMNS;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static io.timefusion.trino.metadata.StoredTimestamps.utcTimestamp;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;

/**
 * Decides from the Delta log alone whether a data file can hold rows matching the pushed-down predicate:
 * by its partition values (project_id, date), by the UTC days a timestamp range covers, and by the file's
 * timestamp min/max statistics; and names the ids and trace ids the predicate looks up, for the files' bloom filters.
 */
public final class FilePruner
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    // a lookup names a few values; beyond these a file's bloom filters would be asked too often to pay off
    private static final int MAX_LOOKUP_VALUES = 100;

    private final Optional<Domain> projectDomain;
    private final Optional<Domain> dateDomain;
    private final Optional<Domain> timestampDomain;
    private final Map<String, List<Slice>> lookups;

    public FilePruner(TupleDomain<TimeFusionColumnHandle> constraint)
    {
        Map<String, Domain> domains = constraint.getDomains()
                .map(map -> map.entrySet().stream().collect(Collectors.toMap(entry -> entry.getKey().name(), Map.Entry::getValue)))
                .orElse(Map.of());
        this.projectDomain = Optional.ofNullable(domains.get(PROJECT_ID));
        this.dateDomain = Optional.ofNullable(domains.get(DATE_COLUMN));
        this.timestampDomain = Optional.ofNullable(domains.get(TIMESTAMP));
        Map<String, List<Slice>> lookups = new HashMap<>();
        for (String column : BLOOM_FILTER_COLUMNS) {
            Domain domain = domains.get(column);
            if (domain != null && !domain.isNullAllowed() && domain.getValues().isDiscreteSet() && domain.getValues().getDiscreteSet().size() <= MAX_LOOKUP_VALUES) {
                lookups.put(column, domain.getValues().getDiscreteSet().stream().map(Slice.class::cast).toList());
            }
        }
        this.lookups = Map.copyOf(lookups);
    }

    /** The values of {@code id} and {@code context___trace_id} the predicate looks up, by column; empty when it looks up none. */
    public Map<String, List<Slice>> lookups()
    {
        return lookups;
    }

    public Optional<Domain> projectDomain()
    {
        return projectDomain;
    }

    /** Whether the partition's rows can match: by project_id, by date, and by the UTC days the timestamp range covers. */
    public boolean matchesPartition(String projectId, long epochDay)
    {
        if (projectDomain.isPresent() && !projectDomain.get().includesNullableValue(Slices.utf8Slice(projectId))) {
            return false;
        }
        if (dateDomain.isPresent() && !dateDomain.get().includesNullableValue(epochDay)) {
            return false;
        }
        return timestampDomain.isEmpty() || overlaps(timestampDomain.get(), epochDay * MICROS_PER_DAY, (epochDay + 1) * MICROS_PER_DAY - 1);
    }

    /** Whether the predicate bounds timestamp, so that a file's time range can rule it out. */
    boolean prunesByTime()
    {
        return timestampDomain.isPresent();
    }

    /** Whether rows of a file with these timestamps can match the timestamp predicate (an unknown range can). */
    boolean matchesTimeRange(FileTimeRange range)
    {
        return timestampDomain.isEmpty() || !range.isKnown() || overlaps(timestampDomain.get(), range.fromMicros(), range.toMicros());
    }

    private static boolean overlaps(Domain domain, long fromMicros, long toMicros)
    {
        Domain range = Domain.create(ValueSet.ofRanges(Range.range(TIMESTAMP_TZ_MICROS, utcTimestamp(fromMicros), true, utcTimestamp(toMicros), true)), false);
        return domain.overlaps(range);
    }
}

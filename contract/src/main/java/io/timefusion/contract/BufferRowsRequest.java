package io.timefusion.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The JSON body a Trino worker posts to {@link BufferProtocol#ROWS_PATH} for one buffer split: the rows of this gateway
 * not yet in the Delta snapshot the query reads, for the projects and time range it reads, with the columns it needs.
 * Nulls are sent as such. {@code projects} and the bounds are coarse filters; the plugin filters exactly afterwards.
 *
 * @param defaultWatermark the highest sequence of this gateway in the default table's snapshot; null when the query
 * does not read the default table (then no row of an unregistered project is wanted)
 * @param projectWatermarks the same for each registered project whose own table the query reads
 * @param projects the projects the query can match, or null for any
 * @param fromMicros the earliest timestamp it can match (epoch microseconds), or null
 * @param toMicros the latest timestamp it can match, or null
 */
public record BufferRowsRequest(
        String gatewayId,
        String table,
        Long defaultWatermark,
        Map<String, Long> projectWatermarks,
        Set<String> projects,
        Long fromMicros,
        Long toMicros,
        List<String> columns)
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    public BufferRowsRequest
    {
        requireNonNull(gatewayId, "gatewayId is missing");
        requireNonNull(table, "table is missing");
        projectWatermarks = projectWatermarks == null ? Map.of() : Map.copyOf(projectWatermarks);
        projects = projects == null ? null : Set.copyOf(projects);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** The watermark that decides which of a project's rows are still the buffer's to return; empty: none are. */
    public Optional<Long> watermark(String projectId)
    {
        Long watermark = projectWatermarks.get(projectId);
        return Optional.ofNullable(watermark != null ? watermark : defaultWatermark);
    }

    public boolean includesProject(String projectId)
    {
        return projects == null || projects.contains(projectId);
    }

    public boolean includesTime(long epochMicros)
    {
        return (fromMicros == null || epochMicros >= fromMicros) && (toMicros == null || epochMicros <= toMicros);
    }

    /** Whether the day (days since 1970-01-01, UTC) can hold a row the request's time range matches. */
    public boolean includesDay(long epochDay)
    {
        return (fromMicros == null || epochDay >= Math.floorDiv(fromMicros, MICROS_PER_DAY)) && (toMicros == null || epochDay <= Math.floorDiv(toMicros, MICROS_PER_DAY));
    }
}

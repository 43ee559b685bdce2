package io.timefusion.gateway.ingest.buffer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a Trino worker asks of the buffer for one buffer split (the plugin's side of POST /v1/buffer/rows): the rows of
 * this gateway not yet in the Delta snapshot the query reads, for the projects and time range it reads, with the
 * columns it needs.
 *
 * @param defaultWatermark the highest sequence of this gateway in the default table's snapshot; null when the query
 * does not read the default table
 * @param projectWatermarks the same for each registered project whose own table the query reads
 * @param projects the projects the query can match, or null for any
 * @param fromMicros the earliest timestamp it can match (epoch microseconds), or null
 * @param toMicros the latest timestamp it can match, or null
 */
public record BufferQuery(
        String gatewayId,
        String table,
        Long defaultWatermark,
        Map<String, Long> projectWatermarks,
        Set<String> projects,
        Long fromMicros,
        Long toMicros,
        List<String> columns)
{
    @JsonCreator
    public BufferQuery(
            @JsonProperty("gatewayId") String gatewayId,
            @JsonProperty("table") String table,
            @JsonProperty("defaultWatermark") Long defaultWatermark,
            @JsonProperty("projectWatermarks") Map<String, Long> projectWatermarks,
            @JsonProperty("projects") Set<String> projects,
            @JsonProperty("fromMicros") Long fromMicros,
            @JsonProperty("toMicros") Long toMicros,
            @JsonProperty("columns") List<String> columns)
    {
        this.gatewayId = requireNonNull(gatewayId, "gatewayId is missing");
        this.table = requireNonNull(table, "table is missing");
        this.defaultWatermark = defaultWatermark;
        this.projectWatermarks = projectWatermarks == null ? Map.of() : Map.copyOf(projectWatermarks);
        this.projects = projects == null ? null : Set.copyOf(projects);
        this.fromMicros = fromMicros;
        this.toMicros = toMicros;
        this.columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** The watermark that decides which of a project's rows are still the buffer's to return; empty: none are. */
    Optional<Long> watermark(String projectId)
    {
        Long watermark = projectWatermarks.get(projectId);
        return Optional.ofNullable(watermark != null ? watermark : defaultWatermark);
    }

    boolean includesProject(String projectId)
    {
        return projects == null || projects.contains(projectId);
    }

    boolean includesTime(long epochMicros)
    {
        return (fromMicros == null || epochMicros >= fromMicros) && (toMicros == null || epochMicros <= toMicros);
    }

    boolean includesDay(long epochDay)
    {
        return (fromMicros == null || epochDay >= PartitionKey.epochDay(fromMicros)) && (toMicros == null || epochDay <= PartitionKey.epochDay(toMicros));
    }
}

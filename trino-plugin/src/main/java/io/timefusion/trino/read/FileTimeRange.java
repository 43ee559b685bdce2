package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.delta.DeltaTimestamps;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;

/**
 * The timestamps a data file's rows can have, in epoch microseconds (both inclusive), from its Delta statistics;
 * unbounded when the file has none.
 */
public record FileTimeRange(
        @JsonProperty("fromMicros") long fromMicros,
        @JsonProperty("toMicros") long toMicros)
{
    public static final FileTimeRange UNKNOWN = new FileTimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    // statistics keep milliseconds (DeltaTimestamps): the true maximum may be up to 999 µs later
    private static final long STATISTICS_MAX_SLACK_MICROS = 999;

    @JsonCreator
    public FileTimeRange {}

    public static FileTimeRange of(AddFile file)
    {
        if (file.stats() == null) {
            return UNKNOWN;
        }
        try {
            JsonNode statistics = DeltaJson.readTree(file.stats());
            JsonNode min = statistics.path("minValues").path(TIMESTAMP);
            JsonNode max = statistics.path("maxValues").path(TIMESTAMP);
            if (!min.isTextual() || !max.isTextual()) {
                return UNKNOWN;
            }
            return new FileTimeRange(DeltaTimestamps.parseMicros(min.asText()), DeltaTimestamps.parseMicros(max.asText()) + STATISTICS_MAX_SLACK_MICROS);
        }
        catch (JsonProcessingException | RuntimeException e) {
            // statistics are optional in Delta: a file we cannot judge is read
            return UNKNOWN;
        }
    }

    public boolean isKnown()
    {
        return !equals(UNKNOWN);
    }
}

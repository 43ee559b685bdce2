package io.timefusion.gateway.ingest.buffer;

import static java.util.Objects.requireNonNull;

/** A Delta partition of otel_logs_and_spans: the project and the UTC day of the rows' timestamps. */
record PartitionKey(String projectId, long epochDay)
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    PartitionKey
    {
        requireNonNull(projectId, "projectId is null");
    }

    /** The UTC day of a timestamp in epoch microseconds, as the plugin derives {@code date}. */
    static long epochDay(long epochMicros)
    {
        return Math.floorDiv(epochMicros, MICROS_PER_DAY);
    }
}

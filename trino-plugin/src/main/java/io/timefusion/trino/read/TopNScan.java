package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * {@code ORDER BY timestamp [DESC] LIMIT count} pushed into the scan: its files are read newest (or oldest) first and
 * reading stops once {@code count} rows ahead of every file not yet read are certain. The engine still sorts and
 * limits what the scan returns; the scan only leaves out files that cannot change the answer.
 */
public record TopNScan(
        @JsonProperty("count") long count,
        @JsonProperty("descending") boolean descending)
{
    // beyond this the rows to keep would not fit a reader's memory comfortably; such a query reads every file
    public static final long MAX_COUNT = 100_000;

    @JsonCreator
    public TopNScan
    {
        checkArgument(count > 0 && count <= MAX_COUNT, "count must be between 1 and %s: %s", MAX_COUNT, count);
    }

    @Override
    public String toString()
    {
        return "timestamp " + (descending ? "DESC" : "ASC") + " LIMIT " + count;
    }
}

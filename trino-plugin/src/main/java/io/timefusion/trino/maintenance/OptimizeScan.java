package io.timefusion.trino.maintenance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import static com.google.common.base.Preconditions.checkArgument;

/** Marks the scan of an OPTIMIZE: its splits are the partitions' files to rewrite, merged, sorted and deduplicated. */
public record OptimizeScan(@JsonProperty("fileSizeThreshold") long fileSizeThreshold)
{
    @JsonCreator
    public OptimizeScan
    {
        checkArgument(fileSizeThreshold > 0, "fileSizeThreshold must be positive");
    }
}

package io.timefusion.trino.maintenance;

import io.timefusion.trino.delta.DeltaActions.AddFile;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What the coordinator remembers of one partition an OPTIMIZE rewrites (passed from the split source to
 * {@code finishTableExecute}): the files it removes, the write version its new files take, and the table version read.
 */
public record OptimizeRun(String table, Map<String, String> partitionValues, List<AddFile> inputs, long writeVersion, long readVersion)
{
    public OptimizeRun
    {
        requireNonNull(table, "table is null");
        partitionValues = Map.copyOf(partitionValues);
        inputs = List.copyOf(inputs);
    }
}

package io.timefusion.gateway.ingest;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The identity of a batch as a Delta {@code txn} action: once version {@code version} of application
 * {@code appId} is committed to a table, writing a batch with the same or a lower version is a no-op there.
 * Versions of one appId must grow with every batch.
 */
public record BatchTxn(String appId, long version)
{
    public BatchTxn
    {
        requireNonNull(appId, "appId is null");
        checkArgument(!appId.isBlank(), "appId is blank");
        checkArgument(version >= 0, "version is negative");
    }
}

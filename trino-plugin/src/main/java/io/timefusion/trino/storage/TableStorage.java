package io.timefusion.trino.storage;

import io.trino.filesystem.Location;

import static java.util.Objects.requireNonNull;

/**
 * A Delta table's root location and the storage that holds it. Node-local: it is never serialized into
 * handles or splits, so credentials stay out of query plans.
 */
public record TableStorage(Location tableRoot, StorageBackend backend)
{
    public TableStorage
    {
        requireNonNull(tableRoot, "tableRoot is null");
        requireNonNull(backend, "backend is null");
    }

    public Location deltaLog()
    {
        return tableRoot.appendPath("_delta_log");
    }

    /** A human-readable name for errors: the table root, e.g. s3://bucket/prefix/otel_logs_and_spans. */
    public String describe()
    {
        return tableRoot.toString();
    }
}

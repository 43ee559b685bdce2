package io.timefusion.trino.delta;

import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;

import java.net.URI;

/** File names inside {@code _delta_log/}, as the Delta protocol fixes them. */
public final class DeltaLogFiles
{
    private DeltaLogFiles() {}

    public static Location commit(TableStorage table, long version)
    {
        return table.deltaLog().appendPath("%020d.json".formatted(version));
    }

    public static Location checkpoint(TableStorage table, long version)
    {
        return table.deltaLog().appendPath("%020d.checkpoint.parquet".formatted(version));
    }

    /** The location of an add action's file: its path is a URI, relative to the table root unless absolute. */
    public static Location dataFile(Location tableRoot, String path)
    {
        URI uri = URI.create(path);
        return uri.getScheme() == null ? tableRoot.appendPath(uri.getPath()) : Location.of(path);
    }

    public static Location lastCheckpoint(TableStorage table)
    {
        return table.deltaLog().appendPath("_last_checkpoint");
    }
}
